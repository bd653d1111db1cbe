-- Helpers shared by the Neovim tests of `boussole lsp` (tests/nvim/lsp_e2e.lua, the steps, and
-- tests/nvim/session.lua, the seeded editing session): a Session (one server, one roadmap
-- folder, the buffers attached to it, the diagnostics it published), the comparison of those with
-- `boussole lint --format json`, and small helpers. Loaded with dofile; reads BOUSSOLE,
-- BOUSSOLE_SOURCE and BOUSSOLE_NVIM_TIMEOUT_MS. `M.scratch` is a folder of the caller's where
-- lint's shadow copy of the roadmap is written (Session:lint_expected).

local M = {}
local boussole = os.getenv('BOUSSOLE')
local source = os.getenv('BOUSSOLE_SOURCE')
local TIMEOUT = tonumber(os.getenv('BOUSSOLE_NVIM_TIMEOUT_MS') or '') or 15000 -- per wait, in ms

local out = io.stdout
local function say(fmt, ...)
  out:write(string.format(fmt, ...) .. '\n')
  out:flush()
end

if not boussole or not source then
  say('FAIL setup: set BOUSSOLE (the binary) and BOUSSOLE_SOURCE (the source tree)')
  vim.cmd('cquit 1')
end
boussole = vim.fn.fnamemodify(boussole, ':p')
source = vim.fn.fnamemodify(source, ':p'):gsub('/$', '')

-- A failure: the step's name is added by the runner.
local function fail(what, expected, received)
  error({ what = what, expected = expected, received = received }, 0)
end

local function sorted(list)
  local copy = vim.deepcopy(list)
  table.sort(copy)
  return copy
end

local function lines_text(list)
  if #list == 0 then
    return '(none)'
  end
  return '\n    ' .. table.concat(list, '\n    ')
end

local function read_lines(path)
  if vim.fn.filereadable(path) == 1 then
    return vim.fn.readfile(path)
  end
  return {}
end

-- One language server session on one roadmap folder: a client, the diagnostics it received
-- (the last list per URI) and the buffers it is attached to.
local Session = {}
Session.__index = Session

function Session.start(root)
  local self = setmetatable({ root = root, published = {}, received = 0, buffers = {} }, Session)
  self.client_id = vim.lsp.start_client({
    name = 'boussole',
    cmd = { boussole, 'lsp' },
    root_dir = root,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        self.published[result.uri] = result.diagnostics
        self.received = self.received + 1
        return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      end,
      -- The server's messages (a roadmap it cannot read) are failures here, said in full.
      ['window/showMessage'] = function(_, result)
        self.messages = self.messages or {}
        table.insert(self.messages, result.message)
      end,
    },
    on_exit = function(code, signal)
      self.exited = { code = code, signal = signal }
    end,
  })
  if not self.client_id then
    fail('starting the language server', boussole .. ' lsp running', 'vim.lsp.start_client failed')
  end
  self.client = vim.lsp.get_client_by_id(self.client_id)
  local ok = vim.wait(TIMEOUT, function()
    return self.client.initialized or self.exited ~= nil
  end, 10)
  if not ok or self.exited then
    fail('initialize', 'an answer to initialize within ' .. TIMEOUT .. ' ms',
      self.exited and ('the server exited with ' .. vim.inspect(self.exited)) or 'no answer')
  end
  return self
end

-- Opens `relative` (a file of the roadmap) in a buffer attached to the client; returns the buffer.
function Session:open(relative)
  local path = self.root .. '/' .. relative
  local open = self.buffers[relative]
  if open and vim.api.nvim_buf_is_loaded(open) then
    -- Open already, and attached: shown again (`:edit` would reload it, which detaches it).
    vim.api.nvim_set_current_buf(open)
    return open
  end
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  if not vim.lsp.buf_attach_client(buf, self.client_id) then
    fail('attaching ' .. relative, 'the buffer attached to the client', 'buf_attach_client refused')
  end
  self.buffers[relative] = buf
  return buf
end

-- A request answered by the server (through the client's own request path, which first sends
-- the buffers' pending changes): its result.
function Session:request(buf, method, params)
  local answers, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  if not answers then
    fail(method, 'an answer within ' .. TIMEOUT .. ' ms', tostring(err))
  end
  local answer = answers[self.client_id]
  if not answer then
    fail(method, 'an answer from boussole', vim.inspect(answers))
  end
  if answer.error then
    fail(method, 'a result', 'the error ' .. vim.inspect(answer.error))
  end
  return answer.result
end

-- The text of a roadmap file as the server reads it: the buffer's when open, else the disk's.
function Session:lines_of(relative)
  local buf = self.buffers[relative]
  if buf and vim.api.nvim_buf_is_loaded(buf) then
    return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  end
  return read_lines(self.root .. '/' .. relative)
end

function Session:relative(uri)
  local path = vim.uri_to_fname(uri)
  if path:sub(1, #self.root + 1) == self.root .. '/' then
    return path:sub(#self.root + 2)
  end
  return path
end

-- A message naming another file (duplicate-id's "named in 2 places (FILE:LINE, ...)") spells
-- it as the roadmap was given: lint gets the shadow folder, the server the workspace's absolute
-- path. Both are written here relative to the roadmap folder.
local function without_folder(message, folder)
  local out, start = {}, 1
  while true do
    local at = message:find(folder .. '/', start, true)
    if not at then
      break
    end
    table.insert(out, message:sub(start, at - 1))
    start = at + #folder + 1
  end
  table.insert(out, message:sub(start))
  return table.concat(out)
end

local severity_names = { 'error', 'warning', 'info', 'info' }

-- `boussole lint --format json` on `folder`, one line per diagnostic in the words of
-- Session:published_lines() (paths and messages relative to the folder), sorted. Stdout only:
-- lint's notes (a file it could not parse) go to stderr.
local function lint_lines(folder)
  local text = vim.fn.system({ 'sh', '-c', '"$0" lint --format json "$1" 2>/dev/null', boussole, folder })
  local status = vim.v.shell_error
  local ok, report = pcall(vim.fn.json_decode, text)
  if not ok or type(report) ~= 'table' or status > 1 then
    fail('boussole lint --format json ' .. folder, 'a JSON report (exit status 0 or 1)',
      'exit status ' .. status .. ': ' .. text)
  end
  local expected = {}
  for _, d in ipairs(report.diagnostics) do
    local file = d.file
    if file:sub(1, #folder + 1) == folder .. '/' then
      file = file:sub(#folder + 2)
    end
    table.insert(expected, string.format('%s:%d:%d %s %s: %s', file, d.line, d.column, d.severity, d.rule,
      without_folder(d.message, folder)))
  end
  return sorted(expected)
end

-- What `boussole lint --format json` says on the buffers' texts: the roadmap copied to a
-- shadow folder, each open buffer's lines written over its file. One line per diagnostic.
function Session:lint_expected()
  local shadow = M.scratch .. '/shadow'
  vim.fn.delete(shadow, 'rf')
  vim.fn.system({ 'cp', '-r', self.root, shadow })
  for relative, buf in pairs(self.buffers) do
    if vim.api.nvim_buf_is_loaded(buf) then
      vim.fn.writefile(vim.api.nvim_buf_get_lines(buf, 0, -1, false), shadow .. '/' .. relative)
    end
  end
  return lint_lines(shadow)
end

-- What the server published, in the same words: the UTF-16 character of each range's start
-- turned into lint's column (code points, from 1) on the line as the server read it.
function Session:published_lines()
  local got = {}
  for uri, diagnostics in pairs(self.published) do
    local relative = self:relative(uri)
    local lines = self:lines_of(relative)
    for _, d in ipairs(diagnostics) do
      local line = lines[d.range.start.line + 1] or ''
      local byte = vim.str_byteindex(line, d.range.start.character, true)
      local column = vim.str_utfindex(line, byte) + 1
      local extra = ''
      if d.source ~= 'boussole' then
        extra = extra .. ' [source ' .. tostring(d.source) .. ']'
      end
      if type(d.codeDescription) ~= 'table' or type(d.codeDescription.href) ~= 'string' then
        extra = extra .. ' [no codeDescription.href]'
      end
      table.insert(got, string.format('%s:%d:%d %s %s: %s%s', relative, d.range.start.line + 1, column,
        severity_names[d.severity] or tostring(d.severity), tostring(d.code), without_folder(d.message, self.root),
        extra))
    end
  end
  return sorted(got)
end

-- The published diagnostics once they equal `expected`, or as they stand after TIMEOUT; after a
-- request on `buf` first (the server lints what changed before it answers one), so that every
-- change was sent.
function Session:published_when(buf, expected)
  self:request(buf, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } })
  local got
  vim.wait(TIMEOUT, function()
    got = self:published_lines()
    return vim.deep_equal(got, expected)
  end, 10)
  return got
end

-- Waits until the published diagnostics equal lint's on the buffers' texts.
-- `check(expected)` may assert something of lint's own list first (that the edit did matter).
function Session:expect_lint(buf, check)
  local expected = self:lint_expected()
  if check then
    check(expected)
  end
  local got = self:published_when(buf, expected)
  if not vim.deep_equal(got, expected) then
    fail('the diagnostics published for every file', 'what boussole lint says:' .. lines_text(expected),
      'from the server:' .. lines_text(got))
  end
  -- And the editor shows them: vim.diagnostic holds the buffer's own.
  local mine = 0
  for _, line in ipairs(expected) do
    if self.buffers[line:match('^([^:]+):')] == buf then
      mine = mine + 1
    end
  end
  local shown = #vim.diagnostic.get(buf)
  if shown ~= mine then
    fail('vim.diagnostic.get on the buffer', mine .. ' diagnostics', shown .. ' diagnostics')
  end
  return expected
end

-- The first line (from 1) of `lines` matching the Lua pattern, and the byte where it matched.
local function find_line(lines, pattern, what)
  for i, line in ipairs(lines) do
    local at = line:find(pattern)
    if at then
      return i, at
    end
  end
  fail('finding ' .. what, 'a line matching ' .. pattern, 'none')
end

local function contains(list, pattern)
  for _, line in ipairs(list) do
    if line:find(pattern) then
      return true
    end
  end
  return false
end

local function replace_line(buf, line, text)
  vim.api.nvim_buf_set_lines(buf, line - 1, line, true, { text })
end

M.boussole = boussole
M.source = source
M.TIMEOUT = TIMEOUT
M.say = say
M.fail = fail
M.sorted = sorted
M.lines_text = lines_text
M.read_lines = read_lines
M.Session = Session
M.without_folder = without_folder
M.lint_lines = lint_lines
M.severity_names = severity_names
M.find_line = find_line
M.contains = contains
M.replace_line = replace_line
return M

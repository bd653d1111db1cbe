-- A seeded editing session against `boussole lsp` (issue 18's "done means"): an ops engineer
-- editing the shipped example for SECONDS in Neovim's own LSP client, headless, no plugin, and
-- every diagnostic the server publishes equal to `boussole lint` on the saved files. Run by
-- ctest `nvim-session` (20 seconds), or by hand for ten minutes:
--
--   tests/nvim/run.sh --session 600 1 build/boussole .
--
-- On a temp copy of examples/revops, a deterministic sequence of actions drawn from SEED is
-- repeated until SECONDS have passed, each done through Neovim (buffer edits with an undo break
-- between them, :undo, :delete, the client's completion / rename / codeAction requests applied
-- with vim.lsp.util.apply_text_edits / apply_workspace_edit, :wall):
--   typo     an owner / contributor / depends_on id mistyped, then the preferred quick fix or :undo
--   person   a person deleted from people.yaml with :delete, then :undo
--   epic     a new epic typed line by line at the end of a stream file, its owner, its
--            depends_on item and its key result picked from the server's completion list;
--            kept or taken out again
--   status   an epic's status misspelt, then typed back
--   rename   a person or an epic renamed across files (textDocument/rename), maybe renamed back
--   yaml     an unclosed quote or a line indented one space too far, then :undo
--   save     nothing changed, :wall again
-- After every edit: :wall, `boussole lint --format json` on the saved folder, a request (so the
-- client sent every change and the server linted it), then a bounded wait until the diagnostics
-- the server published (every file, files with none included) equal lint's: file, line, column
-- (code points), severity, rule and message. A difference is a failure that prints the action, the
-- seed, the step and both lists, and ends the run. The server must stay alive, and no file outside
-- the temp copy may change (the source tree's examples/ and `git status` are compared at the end).

local lib = dofile((os.getenv('BOUSSOLE_SOURCE') or '.') .. '/tests/nvim/lib.lua')
local boussole, source, TIMEOUT = lib.boussole, lib.source, lib.TIMEOUT
local say, fail, sorted, lines_text, read_lines = lib.say, lib.fail, lib.sorted, lib.lines_text, lib.read_lines
local Session = lib.Session

local SECONDS = tonumber(os.getenv('BOUSSOLE_SESSION_SECONDS') or '') or 20
local SEED = tonumber(os.getenv('BOUSSOLE_SESSION_SEED') or '') or 1

-- Park-Miller: the same sequence on every machine and Lua (products stay below 2^53).
local state = (SEED % 2147483646) + 1
local function random(n)
  state = (state * 16807) % 2147483647
  return state % n + 1
end
local function pick(list)
  return list[random(#list)]
end
local function chance(percent)
  return random(100) <= percent
end

-- The outside world, to be unchanged at the end: the checkout's examples and its git status.
local function outside()
  return vim.fn.system({ 'sh', '-c',
    'cd "$1" && git status --porcelain --untracked-files=all 2>/dev/null; find examples -type f | LC_ALL=C sort | xargs sha256sum',
    'sh', source })
end
local outside_before = outside()

local work = vim.fn.tempname() .. '-boussole-session'
vim.fn.mkdir(work, 'p')
lib.scratch = work
local root = work .. '/revops'
vim.fn.system({ 'cp', '-r', source .. '/examples/revops', root })
if vim.v.shell_error ~= 0 then
  say('FAIL setup: could not copy %s/examples/revops to %s', source, root)
  vim.cmd('cquit 1')
end

local files = {}
for _, path in ipairs(vim.fn.globpath(root, '**/*.yaml', false, true)) do
  table.insert(files, path:sub(#root + 2))
end
table.sort(files)
local streams = {}
for _, f in ipairs(files) do
  if f:match('^streams/') then
    table.insert(streams, f)
  end
end

local counts = { actions = 0, comparisons = 0, with_diagnostics = 0, mismatches = 0, by_action = {}, quickfixes = 0, completions = 0,
  renames = 0 }
local current = { action = '(setup)', step = 0, what = '' }
local s

-- Every buffer change gets an undo step of its own, as separate typing would.
local function undo_break()
  vim.o.undolevels = vim.o.undolevels
end
local function set_line(buf, line, text)
  undo_break()
  vim.api.nvim_buf_set_lines(buf, line - 1, line, true, { text })
end
local function lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

-- `boussole lint --format json` on the saved folder, in the words of Session:published_lines().
local function lint_saved()
  return lib.lint_lines(root)
end

-- Both lists file by file, every file of the roadmap named (with "(none)" when it has none).
local function by_file(list)
  local out = {}
  for _, f in ipairs(files) do
    local mine = {}
    for _, line in ipairs(list) do
      if line:sub(1, #f + 1) == f .. ':' then
        table.insert(mine, line)
      end
    end
    table.insert(out, f .. ': ' .. lines_text(mine))
  end
  for _, line in ipairs(list) do
    local f = line:match('^([^:]+):')
    if not vim.tbl_contains(files, f) then
      table.insert(out, '(another file) ' .. line)
    end
  end
  return '\n  ' .. table.concat(out, '\n  ')
end

local function alive(what)
  if s.exited or s.client.is_stopped() then
    fail('the server after ' .. what, 'running', 'exited: ' .. vim.inspect(s.exited))
  end
end

-- Saves every buffer, lints the saved folder, and waits for the server to say the same.
local function compare(what)
  current.step = current.step + 1
  current.what = what
  vim.cmd('silent wall')
  local expected = lint_saved()
  local got = s:published_when(vim.api.nvim_get_current_buf(), expected)
  alive(what)
  counts.comparisons = counts.comparisons + 1
  if #expected > 0 then
    counts.with_diagnostics = counts.with_diagnostics + 1
  end
  if not vim.deep_equal(got, expected) then
    counts.mismatches = counts.mismatches + 1
    fail('the diagnostics published after: ' .. what, 'what boussole lint says on the saved files:' .. by_file(expected),
      'from the server:' .. by_file(got))
  end
  return expected
end

local function find_all(buf, pattern)
  local found = {}
  for i, line in ipairs(lines(buf)) do
    if line:find(pattern) then
      table.insert(found, i)
    end
  end
  return found
end

-- A typist's slip on a word: two letters swapped, one dropped, one doubled, one replaced.
local function misspell(word)
  for _ = 1, 10 do
    local n = #word
    local i = random(n)
    local kind = random(4)
    local typo
    if kind == 1 and n >= 2 then
      i = math.min(i, n - 1)
      typo = word:sub(1, i - 1) .. word:sub(i + 1, i + 1) .. word:sub(i, i) .. word:sub(i + 2)
    elseif kind == 2 and n >= 3 then
      typo = word:sub(1, i - 1) .. word:sub(i + 1)
    elseif kind == 3 then
      typo = word:sub(1, i) .. word:sub(i)
    else
      local letters = 'aeiounrst'
      local at = random(#letters)
      typo = word:sub(1, i - 1) .. letters:sub(at, at) .. word:sub(i + 1)
    end
    if typo ~= word and typo ~= '' then
      return typo
    end
  end
  return word .. 'x'
end

local function quote(text)
  return "'" .. text .. "'"
end

local actions = {}

-- An id typed wrong where it is used, then the quick fix (when one is offered) or :undo.
actions.typo = function()
  local file = pick(streams)
  local buf = s:open(file)
  local candidates = {}
  for i, line in ipairs(lines(buf)) do
    local value = line:match('^%s+owner: ([%w-]+)$') or line:match('owner: ([%w-]+)[,}]')
    if value then
      table.insert(candidates, { line = i, id = value })
    end
    local list = line:match('^%s+contributors: %[(.-)%]$') or line:match('^%s+depends_on: %[(.-)%]$')
    if list then
      for id in list:gmatch('[%w-]+') do
        table.insert(candidates, { line = i, id = id })
      end
    end
  end
  if #candidates == 0 then
    return compare('typo: no reference in ' .. file)
  end
  local c = pick(candidates)
  local before = lines(buf)[c.line]
  local typo = misspell(c.id)
  local from, to = before:find(c.id, 1, true)
  -- The id as a whole word on that line (not inside a longer id).
  local start = 1
  while from do
    local b, a = before:sub(from - 1, from - 1), before:sub(to + 1, to + 1)
    if not b:match('[%w-]') and not a:match('[%w-]') then
      break
    end
    start = to + 1
    from, to = before:find(c.id, start, true)
  end
  if not from then
    return compare('typo: ' .. c.id .. ' not found alone on ' .. file .. ':' .. c.line)
  end
  local after = before:sub(1, from - 1) .. typo .. before:sub(to + 1)
  set_line(buf, c.line, after)
  compare(string.format('typo %s:%d %s -> %s', file, c.line, quote(before), quote(after)))
  if chance(60) then
    local diagnostic
    for _, d in ipairs(s.published[vim.uri_from_bufnr(buf)] or {}) do
      if d.range.start.line == c.line - 1 and d.code == 'unknown-reference' then
        diagnostic = d
      end
    end
    if diagnostic then
      local result = s:request(buf, 'textDocument/codeAction', {
        textDocument = { uri = vim.uri_from_bufnr(buf) },
        range = diagnostic.range,
        context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
      }) or {}
      for _, a in ipairs(result) do
        if a.isPreferred and a.edit then
          undo_break()
          vim.lsp.util.apply_workspace_edit(a.edit, s.client.offset_encoding)
          counts.quickfixes = counts.quickfixes + 1
          compare(string.format('quick fix %s on %s:%d, now %s', quote(a.title), file, c.line,
            quote(lines(buf)[c.line])))
          return
        end
      end
    end
  end
  vim.api.nvim_set_current_buf(buf)
  vim.cmd('silent undo')
  compare(string.format(':undo of the typo on %s:%d, now %s', file, c.line, quote(lines(buf)[c.line])))
end

-- A person deleted from people.yaml (:delete of their lines), then :undo.
actions.person = function()
  local buf = s:open('people.yaml')
  local text = lines(buf)
  local starts = find_all(buf, '^  %- id: ')
  if #starts == 0 then
    return compare('person: nobody in people.yaml')
  end
  local first = pick(starts)
  local last = first
  while text[last + 1] and not text[last + 1]:match('^  %- ') and text[last + 1]:match('^   ') do
    last = last + 1
  end
  vim.api.nvim_set_current_buf(buf)
  undo_break()
  vim.cmd(string.format('silent %d,%ddelete', first, last))
  compare(string.format('deleted people.yaml:%d-%d (%s)', first, last, text[first]))
  vim.cmd('silent undo')
  compare(string.format(':undo of deleting people.yaml:%d-%d', first, last))
end

-- The completion list at the end of `line` (the cursor where insert mode leaves it); an item
-- chosen from it is applied as a completion plugin does. Returns the label chosen.
local function complete_at_end(buf, line, what)
  local text = lines(buf)[line]
  local virtualedit = vim.o.virtualedit
  vim.o.virtualedit = 'onemore'
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_win_set_cursor(0, { line, #text })
  local params = vim.lsp.util.make_position_params()
  vim.o.virtualedit = virtualedit
  local result = s:request(buf, 'textDocument/completion', params)
  local items = result and (result.items or result) or {}
  if #items == 0 then
    fail('textDocument/completion for ' .. what .. ' at ' .. vim.api.nvim_buf_get_name(buf):sub(#root + 2) .. ':' ..
      line .. ' after ' .. quote(text), 'a list of ids', 'none')
  end
  local item = pick(items)
  undo_break()
  if item.textEdit then
    vim.lsp.util.apply_text_edits({ item.textEdit }, buf, s.client.offset_encoding)
  else
    vim.api.nvim_buf_set_lines(buf, line - 1, line, true, { text .. (item.insertText or item.label) })
  end
  counts.completions = counts.completions + 1
  return item.label
end

local epics_added = 0
local statuses = { 'planned', 'in-progress', 'done', 'blocked' }

-- A new epic typed at the end of a stream file, line by line; owner and depends_on completed.
actions.epic = function()
  local file = pick(streams)
  local buf = s:open(file)
  epics_added = epics_added + 1
  local id = 'new-epic-' .. epics_added
  local first = vim.api.nvim_buf_line_count(buf) + 1
  local function type_line(text)
    undo_break()
    vim.api.nvim_buf_set_lines(buf, -1, -1, true, { text })
    return vim.api.nvim_buf_line_count(buf)
  end
  type_line('')
  type_line('      - id: ' .. id)
  compare(string.format('epic: typed %s at %s:%d', quote('      - id: ' .. id), file, first + 1))
  type_line('        title: Epic number ' .. epics_added .. ' typed in the session')
  local line = type_line('        owner: ')
  compare(string.format('epic: typed %s at %s:%d', quote('        owner: '), file, line))
  local owner = complete_at_end(buf, line, 'the owner')
  compare(string.format('epic: owner completed to %s: %s', owner, quote(lines(buf)[line])))
  local status = pick(statuses)
  type_line('        status: ' .. status)
  if status ~= 'planned' then
    type_line('        start: 2026-10-05')
  end
  type_line('        due: 2026-12-11')
  line = type_line('        depends_on: [')
  compare(string.format('epic: typed %s at %s:%d', quote('        depends_on: ['), file, line))
  local dependency = complete_at_end(buf, line, 'depends_on')
  set_line(buf, line, lines(buf)[line] .. ']')
  compare(string.format('epic: depends_on completed to %s: %s', dependency, quote(lines(buf)[line])))
  line = type_line('        key_results: [')
  local result = complete_at_end(buf, line, 'key_results')
  set_line(buf, line, lines(buf)[line] .. ']')
  compare(string.format('epic: key_results completed to %s: %s', result, quote(lines(buf)[line])))
  if chance(50) then
    undo_break()
    vim.api.nvim_buf_set_lines(buf, first - 1, -1, true, {})
    compare(string.format('epic: %s taken out again (%s:%d to the end)', id, file, first))
  end
end

-- An epic's status misspelt, then typed back.
actions.status = function()
  local file = pick(streams)
  local buf = s:open(file)
  local found = find_all(buf, '^        status: [%w-]+$')
  if #found == 0 then
    return compare('status: none in ' .. file)
  end
  local line = pick(found)
  local before = lines(buf)[line]
  local value = before:match('status: ([%w-]+)$')
  local after = '        status: ' .. (chance(30) and value:upper() or misspell(value))
  set_line(buf, line, after)
  compare(string.format('status %s:%d %s -> %s', file, line, quote(before), quote(after)))
  set_line(buf, line, before)
  compare(string.format('status %s:%d typed back to %s', file, line, quote(before)))
end

-- A rename of the id on `line` of `buf` (the character after `prefix`) to `new`; the edit applied.
local function rename(buf, line, prefix, new)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = line - 1, character = #prefix + 1 },
    newName = new,
  }
  local edit = s:request(buf, 'textDocument/rename', params)
  if type(edit) ~= 'table' then
    fail('textDocument/rename to ' .. new, 'a WorkspaceEdit', vim.inspect(edit))
  end
  undo_break()
  vim.lsp.util.apply_workspace_edit(edit, s.client.offset_encoding)
  counts.renames = counts.renames + 1
end

actions.rename = function()
  local file, prefix, pattern
  if chance(50) then
    file, prefix, pattern = 'people.yaml', '  - id: ', '^  %- id: ([%w-]+)$'
  else
    file, prefix, pattern = pick(streams), '      - id: ', '^      %- id: ([%w-]+)$'
  end
  local buf = s:open(file)
  local found = find_all(buf, pattern)
  if #found == 0 then
    return compare('rename: no id in ' .. file)
  end
  local line = pick(found)
  local old = lines(buf)[line]:match(pattern)
  local new = old .. '-' .. random(99)
  rename(buf, line, prefix, new)
  compare(string.format('rename %s -> %s from %s:%d', old, new, file, line))
  if chance(50) then
    local back = find_all(buf, '^' .. vim.pesc(prefix) .. vim.pesc(new) .. '$')
    if #back ~= 1 then
      fail('the renamed id ' .. new .. ' in ' .. file, 'one line ' .. quote(prefix .. new), #back .. ' lines')
    end
    rename(buf, back[1], prefix, old)
    compare(string.format('rename back %s -> %s from %s:%d', new, old, file, back[1]))
  end
end

-- YAML broken (an unclosed quote, or a line indented one space further), then :undo.
actions.yaml = function()
  local file = pick(files)
  local buf = s:open(file)
  local text = lines(buf)
  local candidates = {}
  for i, line in ipairs(text) do
    if line:match('^%s+[%w_]+: [^%[{"\'|>&*]') then
      table.insert(candidates, i)
    end
  end
  if #candidates == 0 then
    return compare('yaml: no plain key in ' .. file)
  end
  local line = pick(candidates)
  local before = text[line]
  local after
  if chance(50) then
    after = before:gsub(': ', ': "', 1)
  else
    after = ' ' .. before
  end
  set_line(buf, line, after)
  compare(string.format('yaml %s:%d %s -> %s', file, line, quote(before), quote(after)))
  vim.api.nvim_set_current_buf(buf)
  vim.cmd('silent undo')
  compare(string.format(':undo of the yaml break on %s:%d, now %s', file, line, quote(lines(buf)[line])))
end

actions.save = function()
  compare(':wall with nothing changed')
end

-- How often each action comes, out of the weights' sum.
local deck = {
  { 'typo', 5 }, { 'person', 2 }, { 'epic', 2 }, { 'status', 2 }, { 'rename', 2 }, { 'yaml', 2 }, { 'save', 1 },
}
local drawn = {}
for _, entry in ipairs(deck) do
  for _ = 1, entry[2] do
    table.insert(drawn, entry[1])
  end
end

local failure
local started = vim.loop.hrtime()
local ok, err = pcall(function()
  s = Session.start(root)
  for _, f in ipairs(files) do
    s:open(f)
  end
  compare('opening every file of the roadmap')
  while (vim.loop.hrtime() - started) / 1e9 < SECONDS do
    local name = pick(drawn)
    counts.actions = counts.actions + 1
    current.action = name .. ' (action ' .. counts.actions .. ')'
    counts.by_action[name] = (counts.by_action[name] or 0) + 1
    actions[name]()
  end
end)
if not ok then
  failure = err
end

local elapsed = (vim.loop.hrtime() - started) / 1e9
local failed = 0
if failure then
  failed = failed + 1
  if type(failure) == 'table' then
    say('FAIL seed %d, step %d, in %s, after: %s\n  %s\n  expected: %s\n  received: %s', SEED, current.step,
      current.action, current.what, failure.what, tostring(failure.expected), tostring(failure.received))
  else
    say('FAIL seed %d, step %d, in %s, after: %s\n  %s', SEED, current.step, current.action, current.what,
      tostring(failure))
  end
end
if s and s.messages then
  failed = failed + 1
  say('FAIL the server said: %s', table.concat(s.messages, ' | '))
end
if s then
  s.client.stop()
  vim.wait(TIMEOUT, function()
    return s.exited ~= nil
  end, 10)
  if not s.exited or s.exited.code ~= 0 then
    failed = failed + 1
    say('FAIL the server should exit with status 0 after shutdown and exit, got %s', vim.inspect(s.exited))
  end
end
local outside_after = outside()
if outside_after ~= outside_before then
  failed = failed + 1
  say('FAIL files outside the temp copy changed:\nbefore:\n%s\nafter:\n%s', outside_before, outside_after)
end

local kinds = {}
for _, entry in ipairs(deck) do
  table.insert(kinds, entry[1] .. ' ' .. (counts.by_action[entry[1]] or 0))
end
say('session: seed %d, %.0f s, %d actions (%s), %d comparisons with boussole lint (%d with diagnostics), %d mismatches; %d quick fixes, %d completions, %d renames applied',
  SEED, elapsed, counts.actions, table.concat(kinds, ', '), counts.comparisons, counts.with_diagnostics, counts.mismatches, counts.quickfixes,
  counts.completions, counts.renames)
if failed == 0 then
  vim.fn.delete(work, 'rf')
else
  say('the session folder is kept: %s', root)
end
say('%d passed, %d failed', failed == 0 and 1 or 0, failed)
if failed > 0 then
  vim.cmd('cquit 1')
end
vim.cmd('qall!')

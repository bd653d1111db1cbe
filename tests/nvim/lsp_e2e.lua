-- `boussole lsp` in a real editor (issue 18): Neovim's own LSP client, headless, no plugin, on
-- copies of the shipped examples. Run by ctest `nvim-lsp`, or by hand:
--
--   tests/nvim/run.sh build/boussole .
--   BOUSSOLE=build/boussole BOUSSOLE_SOURCE=. nvim --headless --clean -u NONE -c 'luafile tests/nvim/lsp_e2e.lua'
--
-- Written for Neovim 0.7 (Debian 12's): vim.lsp.start_client + vim.lsp.buf_attach_client, and
-- requests through vim.lsp.buf_request_sync. Each step is an entry of `steps` below (a name and a
-- function); a step fails through fail(), saying what it expected and what it received, and the
-- run goes on with the next step. Exit status 0 when every step passed, else 1.
--
-- Every diagnostic check compares the whole set the server published (every file) with what
-- `boussole lint --format json` prints for the same texts: the open buffers' unsaved text is
-- written to a shadow copy of the roadmap, which lint reads (rule id, severity, line, column,
-- message; the server's UTF-16 character turned back into lint's column in code points).

local lib = dofile((os.getenv('BOUSSOLE_SOURCE') or '.') .. '/tests/nvim/lib.lua')
local boussole, source, TIMEOUT = lib.boussole, lib.source, lib.TIMEOUT
local say, fail, sorted, lines_text, read_lines = lib.say, lib.fail, lib.sorted, lib.lines_text, lib.read_lines
local Session, find_line, contains, replace_line = lib.Session, lib.find_line, lib.contains, lib.replace_line

-- The work folder: a copy of examples/ (never the checkout's own files).
local work = vim.fn.tempname() .. '-boussole-nvim'
vim.fn.mkdir(work, 'p')
vim.fn.system({ 'cp', '-r', source .. '/examples', work .. '/examples' })
if vim.v.shell_error ~= 0 then
  say('FAIL setup: could not copy %s/examples to %s', source, work)
  vim.cmd('cquit 1')
end

lib.scratch = work

local sessions = {}
local function session(name)
  if not sessions[name] then
    sessions[name] = Session.start(work .. '/examples/' .. name)
  end
  return sessions[name]
end

-- The steps, in order: each is { name = ..., run = function() ... end }, using a Session
-- (open, request, expect_lint) and fail(what, expected, received). Completing an owner, a
-- rename applied with vim.lsp.util.apply_workspace_edit and a quick fix come after go to
-- definition; the README's set-up is last.
local steps = {}

table.insert(steps, {
  name = 'broken example: diagnostics on opening equal boussole lint',
  run = function()
    local s = session('broken')
    local buf = s:open('streams.yaml')
    s:expect_lint(buf, function(expected)
      if #expected < 5 then
        fail('boussole lint on examples/broken', 'several diagnostics', lines_text(expected))
      end
    end)
  end,
})

table.insert(steps, {
  name = 'revops example: a stream file opens clean, as boussole lint says',
  run = function()
    local s = session('revops')
    local buf = s:open('streams/billing.yaml')
    s:expect_lint(buf, function(expected)
      if #expected ~= 0 then
        fail('boussole lint on examples/revops', 'no diagnostic', lines_text(expected))
      end
    end)
  end,
})

table.insert(steps, {
  name = 'revops example: a broken owner id is flagged as typed, and cleared when fixed',
  run = function()
    local s = session('revops')
    local buf = s:open('streams/billing.yaml')
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local line = find_line(lines, '^        owner: noah$', "billing-automation's owner")
    local before = lines[line]
    replace_line(buf, line, '        owner: noha')
    s:expect_lint(buf, function(expected)
      if not contains(expected, "^streams/billing%.yaml:" .. line .. ":%d+ error unknown%-reference: .*'noha'") then
        fail('boussole lint after the typo', "an unknown-reference on 'noha' at line " .. line, lines_text(expected))
      end
    end)
    replace_line(buf, line, before)
    s:expect_lint(buf, function(expected)
      if #expected ~= 0 then
        fail('boussole lint after the fix', 'no diagnostic', lines_text(expected))
      end
    end)
  end,
})

table.insert(steps, {
  name = 'revops example: deleting a person in people.yaml flags their epics in other files',
  run = function()
    local s = session('revops')
    local buf = s:open('people.yaml')
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local first = find_line(lines, '^  %- id: noah$', 'noah in people.yaml')
    local last = first + 1
    while lines[last] and not lines[last]:match('^  %- ') and lines[last] ~= '' do
      last = last + 1
    end
    local removed = vim.api.nvim_buf_get_lines(buf, first - 1, last - 1, true)
    vim.api.nvim_buf_set_lines(buf, first - 1, last - 1, true, {})
    s:expect_lint(buf, function(expected)
      if not contains(expected, "^streams/billing%.yaml:%d+:%d+ error unknown%-reference: .*'noah'") then
        fail('boussole lint without noah', "unknown-reference on 'noah' in streams/billing.yaml", lines_text(expected))
      end
    end)
    vim.api.nvim_buf_set_lines(buf, first - 1, first - 1, true, removed)
    s:expect_lint(buf, function(expected)
      if #expected ~= 0 then
        fail('boussole lint with noah back', 'no diagnostic', lines_text(expected))
      end
    end)
  end,
})

table.insert(steps, {
  name = 'revops example: after accents and emoji, a diagnostic lands on the right character (UTF-16)',
  run = function()
    local s = session('revops')
    local buf = s:open('streams/billing.yaml')
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local line = find_line(lines, '^          %- {title: Map CRM fields to billing fields, owner: noah', 'a task of noah')
    local before = lines[line]
    -- 🚀 is one code point (lint's column) but two UTF-16 units (the client's character).
    local typed = '          - {title: "Mise à jour 🚀 CRM → facturation ✓", owner: noha, status: done}'
    replace_line(buf, line, typed)
    s:expect_lint(buf)
    local byte = typed:find('noha', 1, true) - 1
    local _, want = vim.str_utfindex(typed, byte)
    local got = {}
    for _, d in ipairs(s.published[vim.uri_from_bufnr(buf)] or {}) do
      if d.range.start.line == line - 1 then
        table.insert(got, string.format('%d-%d', d.range.start.character, d.range['end'].character))
      end
    end
    local expected = string.format('%d-%d', want, want + 4)
    if #got ~= 1 or got[1] ~= expected then
      fail("the range of 'noha' on the edited line", 'characters ' .. expected .. ' (UTF-16)', table.concat(got, ', '))
    end
    replace_line(buf, line, before)
    s:expect_lint(buf, function(expected_after)
      if #expected_after ~= 0 then
        fail('boussole lint after the fix', 'no diagnostic', lines_text(expected_after))
      end
    end)
  end,
})

table.insert(steps, {
  name = 'revops example: a new epic typed in insert mode is checked as typed, and undone',
  run = function()
    local s = session('revops')
    local buf = s:open('streams/billing.yaml')
    local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    -- Typed as keys at the end of the file, with a mistyped owner and a dependency on an epic
    -- that does not exist; the indentation is typed too ('autoindent' and YAML's indentexpr
    -- off for the step).
    local autoindent, indentexpr = vim.bo[buf].autoindent, vim.bo[buf].indentexpr
    vim.bo[buf].autoindent = false
    vim.bo[buf].indentexpr = ''
    local keys = table.concat({
      'Go',
      '',
      '      - id: invoice-reminders',
      '        title: Automatic reminders for unpaid invoices',
      '        owner: noha',
      '        status: planned',
      '        due: 2026-12-11',
      '        depends_on: [billing-automaton]',
      '        key_results: [billing-time]',
    }, '<CR>'):gsub('^Go<CR>', 'Go') .. '<Esc>'
    vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(keys, true, false, true), 'xt', false)
    vim.bo[buf].autoindent, vim.bo[buf].indentexpr = autoindent, indentexpr
    local after = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    if #after ~= #before + 8 or after[#after] ~= '        key_results: [billing-time]' then
      fail('typing the epic', (#before + 8) .. ' lines ending with its key_results', #after .. ' lines, the last '
        .. after[#after])
    end
    s:expect_lint(buf, function(expected)
      if not contains(expected, "error unknown%-reference: .*'noha'") or
          not contains(expected, "error unknown%-reference: .*'billing%-automaton'") then
        fail('boussole lint on the typed epic', "unknown-reference on 'noha' and on 'billing-automaton'",
          lines_text(expected))
      end
    end)
    vim.cmd('silent undo')
    if not vim.deep_equal(vim.api.nvim_buf_get_lines(buf, 0, -1, false), before) then
      fail('undo', 'the file as before the epic', 'another text')
    end
    s:expect_lint(buf, function(expected)
      if #expected ~= 0 then
        fail('boussole lint after undo', 'no diagnostic', lines_text(expected))
      end
    end)
  end,
})

table.insert(steps, {
  name = "revops example: go to definition on an owner jumps to the person in people.yaml",
  run = function()
    local s = session('revops')
    local buf = s:open('streams/billing.yaml')
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local line, at = find_line(lines, 'owner: noah', 'an owner noah')
    local character = at - 1 + #'owner: ' + 2 -- inside the id, on its 'a'
    local result = s:request(buf, 'textDocument/definition', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = line - 1, character = character },
    })
    if result and result.uri then
      result = { result }
    end
    local people = read_lines(s.root .. '/people.yaml')
    local want_line, want_byte = find_line(people, '%- id: noah$', 'noah in people.yaml')
    local want_character = want_byte - 1 + #'- id: '
    local expected = string.format('people.yaml:%d:%d', want_line - 1, want_character)
    local got = {}
    for _, location in ipairs(result or {}) do
      local uri = location.uri or location.targetUri
      local range = location.range or location.targetSelectionRange
      table.insert(got, string.format('%s:%d:%d', s:relative(uri), range.start.line, range.start.character))
    end
    if #got ~= 1 or got[1] ~= expected then
      fail('textDocument/definition on noah at streams/billing.yaml:' .. line,
        'one location ' .. expected .. ' (file:line:character, from 0)', lines_text(got))
    end
    -- And the editor goes there, as `gd` does (vim.lsp.util.jump_to_location).
    vim.lsp.util.jump_to_location(result[1], 'utf-16')
    local name = vim.api.nvim_buf_get_name(0)
    local cursor = vim.api.nvim_win_get_cursor(0)
    if name ~= s.root .. '/people.yaml' or cursor[1] ~= want_line then
      fail('jumping to the definition', 'people.yaml line ' .. want_line,
        string.format('%s line %d', name, cursor[1]))
    end
  end,
})

-- The people of a people.yaml: id -> { name, role }, read from its lines (`  - id:` starts one).
local function people_of(lines)
  local people, current = {}, nil
  for _, line in ipairs(lines) do
    local id = line:match('^  %- id: (%S+)$')
    if id then
      current = {}
      people[id] = current
    elseif current then
      local key, value = line:match('^    (%a+): (.+)$')
      if key == 'name' or key == 'role' then
        current[key] = value
      end
    end
  end
  return people
end

-- The places where `id` stands as an id (an owner, a list's item, a person's `id:`), not inside
-- another word or an e-mail address: "file:line" for each, over every .yaml file of `root`.
local function id_places(root, id)
  local places = {}
  for _, path in ipairs(vim.fn.globpath(root, '**/*.yaml', false, true)) do
    for i, line in ipairs(read_lines(path)) do
      local start = 1
      while true do
        local from, to = line:find(id, start, true)
        if not from then
          break
        end
        local before, after = line:sub(from - 1, from - 1), line:sub(to + 1, to + 1)
        if not before:match('[%w_.@-]') and not after:match('[%w_.@-]') then
          table.insert(places, path:sub(#root + 2) .. ':' .. i)
        end
        start = to + 1
      end
    end
  end
  return sorted(places)
end

-- Completion, the way a completion plugin does it: textDocument/completion at the cursor, the
-- chosen item's textEdit applied with vim.lsp.util.apply_text_edits.
table.insert(steps, {
  name = "revops example: completing a new epic's owner offers people.yaml's people and writes the id",
  run = function()
    local s = session('revops')
    local buf = s:open('streams/billing.yaml')
    local before = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local typed = '        owner: '
    vim.api.nvim_buf_set_lines(buf, -1, -1, true, {
      '',
      '      - id: invoice-reminders',
      '        title: Automatic reminders for unpaid invoices',
      typed,
    })
    local line = vim.api.nvim_buf_line_count(buf)
    -- The cursor after `owner: `, where insert mode leaves it ('virtualedit' lets normal mode
    -- place it past the last character), and the position the client makes of it. The step's
    -- text is taken out again even when a check fails, for the steps after it.
    local virtualedit = vim.o.virtualedit
    vim.o.virtualedit = 'onemore'
    local ok, err = pcall(function()
      vim.api.nvim_win_set_cursor(0, { line, #typed })
      local params = vim.lsp.util.make_position_params()
      if params.position.line ~= line - 1 or params.position.character ~= #typed then
        fail('the cursor after `owner: `', string.format('line %d, character %d (from 0)', line - 1, #typed),
          vim.inspect(params.position))
      end
      local result = s:request(buf, 'textDocument/completion', params)
      local items = result and (result.items or result) or {}
      local people = people_of(read_lines(s.root .. '/people.yaml'))
      local want, got = {}, {}
      for id, p in pairs(people) do
        table.insert(want, string.format('%s (%s · %s)', id, tostring(p.name), tostring(p.role)))
      end
      local chosen
      for _, item in ipairs(items) do
        table.insert(got, string.format('%s (%s)', item.label, tostring(item.detail)))
        if item.label == 'sam' then
          chosen = item
        end
      end
      want, got = sorted(want), sorted(got)
      if #want < 4 or not vim.deep_equal(got, want) then
        fail('textDocument/completion after `owner: ` at streams/billing.yaml:' .. line,
          "people.yaml's people, each with name and role:" .. lines_text(want), lines_text(got))
      end
      if not chosen or not chosen.textEdit then
        fail("the item 'sam'", 'a textEdit', vim.inspect(chosen))
      end
      vim.lsp.util.apply_text_edits({ chosen.textEdit }, buf, s.client.offset_encoding)
      local now = vim.api.nvim_buf_get_lines(buf, line - 1, line, true)[1]
      if now ~= '        owner: sam' then
        fail("applying the item 'sam'", "the line '        owner: sam'", "'" .. now .. "'")
      end
      s:expect_lint(buf, function(expected)
        if contains(expected, "unknown%-reference: .*'sam'")
            or contains(expected, '^streams/billing%.yaml:' .. line .. ':') then
          fail('boussole lint after completing the owner', 'nothing on the owner line ' .. line, lines_text(expected))
        end
      end)
    end)
    vim.o.virtualedit = virtualedit
    vim.api.nvim_buf_set_lines(buf, 0, -1, true, before)
    if not ok then
      error(err, 0)
    end
    s:expect_lint(buf, function(expected)
      if #expected ~= 0 then
        fail('boussole lint with the epic removed', 'no diagnostic', lines_text(expected))
      end
    end)
  end,
})

-- Rename on a copy of its own (files the rename changes are written, the server does not read
-- them again): refused onto a taken id, then applied with vim.lsp.util.apply_workspace_edit and
-- saved with :wall; boussole lint on the folder says it is clean.
table.insert(steps, {
  name = 'revops example: renaming a person changes every use across files, and a taken id is refused',
  run = function()
    local root = work .. '/examples/revops-rename'
    vim.fn.system({ 'cp', '-r', work .. '/examples/revops', root })
    local olds = id_places(root, 'noah')
    if #olds < 5 then
      fail("noah's uses in examples/revops", 'several', lines_text(olds))
    end
    sessions['revops-rename'] = Session.start(root)
    local s = sessions['revops-rename']
    local buf = s:open('streams/billing.yaml')
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local line, at = find_line(lines, '^        owner: noah$', "an epic's owner noah")
    local position = { line = line - 1, character = at - 1 + #'        owner: ' + 1 }
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position, newName = 'lea' }
    local answers = vim.lsp.buf_request_sync(buf, 'textDocument/rename', params, TIMEOUT) or {}
    local refused = answers[s.client_id] or {}
    local message = refused.error and refused.error.message or ''
    if not message:find("already has the id 'lea'", 1, true) or not message:find('people.yaml:', 1, true) then
      fail("textDocument/rename of noah to 'lea' (taken)",
        "an error saying another person already has the id 'lea', and where", vim.inspect(refused))
    end
    params.newName = 'noah-dubois'
    local edit = s:request(buf, 'textDocument/rename', params)
    if type(edit) ~= 'table' then
      fail("textDocument/rename of noah to 'noah-dubois'", 'a WorkspaceEdit', vim.inspect(edit))
    end
    vim.lsp.util.apply_workspace_edit(edit, s.client.offset_encoding)
    vim.cmd('silent wall')
    local text = vim.fn.system({ boussole, 'lint', '--format', 'json', root })
    local status = vim.v.shell_error
    local ok, report = pcall(vim.fn.json_decode, text)
    if status ~= 0 or not ok or type(report) ~= 'table' or #report.diagnostics ~= 0 then
      fail('boussole lint on the renamed roadmap', 'exit status 0, no diagnostic',
        'exit status ' .. status .. ': ' .. text)
    end
    local left = id_places(root, 'noah')
    if #left ~= 0 then
      fail("the id 'noah' after the rename", 'nowhere', lines_text(left))
    end
    local news = id_places(root, 'noah-dubois')
    if not vim.deep_equal(news, olds) then
      fail("the id 'noah-dubois' after the rename", "where 'noah' was:" .. lines_text(olds), lines_text(news))
    end
  end,
})

-- A quick fix, as a user picks one: the diagnostic on a mistyped owner, textDocument/codeAction
-- with it in the context, the preferred quickfix's edit applied.
table.insert(steps, {
  name = 'revops example: the quick fix on a mistyped owner writes the right id and clears the diagnostic',
  run = function()
    local s = session('revops')
    local buf = s:open('streams/billing.yaml')
    local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
    local line = find_line(lines, '^        owner: noah$', "an epic's owner noah")
    replace_line(buf, line, '        owner: nooh')
    local ok, err = pcall(function()
      s:expect_lint(buf, function(expected)
        if not contains(expected, '^streams/billing%.yaml:' .. line .. ":%d+ error unknown%-reference: .*'nooh'") then
          fail('boussole lint after the typo', "an unknown-reference on 'nooh' at line " .. line, lines_text(expected))
        end
      end)
      local diagnostic
      for _, d in ipairs(s.published[vim.uri_from_bufnr(buf)] or {}) do
        if d.range.start.line == line - 1 and d.code == 'unknown-reference' then
          diagnostic = d
        end
      end
      if not diagnostic then
        fail('the diagnostics published for streams/billing.yaml', "unknown-reference at line " .. line,
          vim.inspect(s.published[vim.uri_from_bufnr(buf)]))
      end
      local actions = s:request(buf, 'textDocument/codeAction', {
        textDocument = { uri = vim.uri_from_bufnr(buf) },
        range = diagnostic.range,
        context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
      }) or {}
      local preferred, titles = {}, {}
      for _, a in ipairs(actions) do
        table.insert(titles, tostring(a.title) .. (a.isPreferred and ' (preferred)' or ''))
        if a.isPreferred and a.kind == 'quickfix' and a.edit then
          table.insert(preferred, a)
        end
      end
      if #preferred ~= 1 or preferred[1].title ~= "Change 'nooh' to 'noah'" then
        fail('textDocument/codeAction on the diagnostic', "one preferred quickfix \"Change 'nooh' to 'noah'\"",
          lines_text(titles))
      end
      vim.lsp.util.apply_workspace_edit(preferred[1].edit, s.client.offset_encoding)
      local now = vim.api.nvim_buf_get_lines(buf, line - 1, line, true)[1]
      if now ~= '        owner: noah' then
        fail('applying the quick fix', "the line '        owner: noah'", "'" .. now .. "'")
      end
      s:expect_lint(buf, function(expected)
        if #expected ~= 0 then
          fail('boussole lint after the quick fix', 'no diagnostic', lines_text(expected))
        end
      end)
    end)
    if not ok then
      vim.api.nvim_buf_set_lines(buf, 0, -1, true, lines)
      error(err, 0)
    end
  end,
})

-- The README's Neovim 0.7 set-up, run as written (a user pastes it into init.lua): `boussole`
-- is found on the PATH, filetype detection starts the server for YAML files under a roadmap/,
-- one server serves every file of it, and YAML files elsewhere get none. Last, since it leaves
-- its FileType autocommand (cleared at its end) and filetype detection on.
table.insert(steps, {
  name = "README: the Neovim 0.7 set-up attaches one server to a roadmap's files, none elsewhere",
  run = function()
    local readme = table.concat(read_lines(source .. '/README.md'), '\n')
    local from = readme:find('In full, Neovim 0.7', 1, true)
    local code = from and readme:match('```lua\n(.-)```', from)
    if not code then
      fail('the snippet in README.md', "a ```lua block after 'In full, Neovim 0.7'", 'none')
    end
    local repo = work .. '/repo'
    vim.fn.mkdir(repo .. '/elsewhere', 'p')
    vim.fn.system({ 'cp', '-r', work .. '/examples/revops', repo .. '/roadmap' })
    local crm = repo .. '/roadmap/streams/crm.yaml'
    local lines = read_lines(crm)
    local typo = find_line(lines, '^    owner: lea$', "the crm stream's owner")
    lines[typo] = '    owner: leaa'
    vim.fn.writefile(lines, crm)
    vim.fn.writefile({ 'key: value' }, work .. '/elsewhere.yaml')
    local path = vim.env.PATH
    vim.env.PATH = vim.fn.fnamemodify(boussole, ':h') .. ':' .. path
    local ok, err = pcall(function()
      local chunk, problem = loadstring(code, 'README.md')
      if not chunk then
        fail('loading the snippet', 'Lua that Neovim 0.7 runs', problem)
      end
      vim.cmd('filetype on')
      chunk()
      local function boussole_clients(buf)
        local ids = {}
        for id, client in pairs(vim.lsp.buf_get_clients(buf)) do
          if client.name == 'boussole' then
            table.insert(ids, id)
          end
        end
        return ids
      end
      vim.cmd('edit ' .. vim.fn.fnameescape(crm))
      local first = vim.api.nvim_get_current_buf()
      local shown = vim.wait(TIMEOUT, function()
        for _, d in ipairs(vim.diagnostic.get(first)) do
          if d.lnum == typo - 1 and d.message:find("'leaa'", 1, true) then
            return true
          end
        end
        return false
      end, 10)
      if not shown then
        fail('opening roadmap/streams/crm.yaml', "a diagnostic on 'leaa' at line " .. typo .. ' from boussole',
          #boussole_clients(first) .. ' boussole client(s), diagnostics ' .. vim.inspect(vim.diagnostic.get(first)))
      end
      vim.cmd('edit ' .. vim.fn.fnameescape(repo .. '/roadmap/people.yaml'))
      local second = vim.api.nvim_get_current_buf()
      local a, b = boussole_clients(first), boussole_clients(second)
      if #a ~= 1 or #b ~= 1 or a[1] ~= b[1] then
        fail('opening roadmap/people.yaml too', 'both files served by one boussole client',
          vim.inspect(a) .. ' and ' .. vim.inspect(b))
      end
      vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/elsewhere.yaml'))
      local other = boussole_clients(vim.api.nvim_get_current_buf())
      if #other ~= 0 then
        fail('opening a YAML file outside any roadmap', 'no boussole client', #other .. ' client(s)')
      end
      local client = vim.lsp.get_client_by_id(a[1])
      client.stop()
      if not vim.wait(TIMEOUT, function() return client.is_stopped() end, 10) then
        fail('stopping the server', 'stopped within ' .. TIMEOUT .. ' ms', 'still running')
      end
    end)
    vim.env.PATH = path
    vim.api.nvim_clear_autocmds({ event = 'FileType', pattern = 'yaml' })
    if not ok then
      error(err, 0)
    end
  end,
})

local failed, passed = 0, 0
for _, step in ipairs(steps) do
  local ok, err = pcall(step.run)
  if ok then
    passed = passed + 1
    say('ok   %s', step.name)
  else
    failed = failed + 1
    if type(err) == 'table' then
      say('FAIL %s\n  %s\n  expected: %s\n  received: %s', step.name, err.what, tostring(err.expected),
        tostring(err.received))
    else
      say('FAIL %s\n  %s', step.name, tostring(err))
    end
  end
end

for name, s in pairs(sessions) do
  if s.messages then
    failed = failed + 1
    say('FAIL %s: the server said: %s', name, table.concat(s.messages, ' | '))
  end
  s.client.stop()
end
vim.wait(TIMEOUT, function()
  for _, s in pairs(sessions) do
    if not s.exited then
      return false
    end
  end
  return true
end, 10)
for name, s in pairs(sessions) do
  if not s.exited or s.exited.code ~= 0 then
    failed = failed + 1
    say('FAIL %s: the server should exit with status 0 after shutdown and exit, got %s', name, vim.inspect(s.exited))
  end
end

vim.fn.delete(work, 'rf')
say('%d passed, %d failed', passed, failed)
if failed > 0 then
  vim.cmd('cquit 1')
end
vim.cmd('qall!')

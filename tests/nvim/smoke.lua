-- Neovim headless smoke test of `privlint lsp`, written for Neovim 0.7.2 (Debian 12) and later.
--
--   nvim --headless -u NONE -i NONE -c 'luafile tests/nvim/smoke.lua'
--
-- Environment:
--   PRIVLINT             the binary (default: <repo>/target/release/privlint)
--   PRIVLINT_NVIM_TMP    directory for the test document (default: vim.fn.tempname())
--   PRIVLINT_NVIM_LOG    LSP log level of Neovim (default: debug; the log is stdpath('cache')/lsp.log)
--
-- It opens a declaration whose purpose has no `basis`, waits for the server's pushed
-- `missing-legal-basis`, inserts `basis consent` with an incremental change, waits for that finding
-- to go and `missing-withdraw-consent-right` to come, hovers `consent`, and shuts the server down.
-- Prints `PASS` and exits 0, or prints `FAIL: reason` and exits 1. Every wait is bounded.
-- Only push diagnostics are tested: Neovim 0.7 has no pull diagnostics and no vim.lsp.start.

local WAIT_MS = 10000

local function say(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local function fail(reason)
  error({ fail = reason }, 0)
end

local function check(cond, reason)
  if not cond then
    fail(reason)
  end
end

-- <repo> is two directories above this file.
local script = debug.getinfo(1, 'S').source:gsub('^@', '')
local root = vim.fn.fnamemodify(script, ':p:h:h:h')

local binary = os.getenv('PRIVLINT')
if binary == nil or binary == '' then
  binary = root .. '/target/release/privlint'
end

local DECLARATION = {
  'controller c "C" {',
  '  country NO',
  '  email "post@c.example"',
  '  authority dt "Datatilsynet"',
  '}',
  'category contact "Kontakt"',
  'subject customers "Kunder"',
  'purpose news "Nyhetsbrev" {', -- line 7 (0-based): `news` is where missing-legal-basis points
  '  data contact',
  '  subjects customers',
  '  retention 1 year',
  '}',
  'rights {', -- line 12; line 13 once `basis consent` is inserted
  '  access; rectification; erasure; restriction; objection; portability',
  '  complaint dt',
  '  respond_within 1 month',
  '}',
}
local PURPOSE_LINE = 7
local BASIS_LINE = 8 -- where `  basis consent` goes
local RIGHTS_LINE_AFTER = 13

local client_id
local exit_code, exit_signal

-- What the server has published for the buffer, as "line:code" strings, for messages.
local function describe(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out, string.format('%d:%s(%s)', d.lnum, tostring(d.code), tostring(d.source)))
  end
  return '[' .. table.concat(out, ', ') .. ']'
end

local function find(buf, code, lnum)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code and d.source == 'privlint' and (lnum == nil or d.lnum == lnum) then
      return d
    end
  end
  return nil
end

-- Waits at most WAIT_MS for pred; stops early, failing, if the server exits while waiting.
local function wait_for(what, pred, server_may_exit)
  local start = vim.loop.hrtime()
  local ok = vim.wait(WAIT_MS, function()
    return pred() or (exit_code ~= nil and not server_may_exit)
  end, 20)
  local ms = (vim.loop.hrtime() - start) / 1e6
  if exit_code ~= nil and not server_may_exit then
    fail(string.format('the server exited (code %s, signal %s) while waiting for %s', exit_code, exit_signal,
      what))
  end
  if ok then
    say(string.format('  ok  %s (%.0f ms)', what, ms))
  end
  return ok
end

local function run()
  check(vim.fn.executable(binary) == 1, 'not an executable: ' .. binary)
  say('nvim ' .. tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch
    .. ', server ' .. binary)
  vim.lsp.set_log_level(os.getenv('PRIVLINT_NVIM_LOG') or 'debug')

  local dir = os.getenv('PRIVLINT_NVIM_TMP')
  if dir == nil or dir == '' then
    dir = vim.fn.tempname()
  end
  vim.fn.mkdir(dir, 'p')
  local path = dir .. '/smoke.privacy'
  check(vim.fn.writefile(DECLARATION, path) == 0, 'cannot write ' .. path)

  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'privacy'

  client_id = vim.lsp.start_client({
    name = 'privlint',
    cmd = { binary, 'lsp' },
    root_dir = dir,
    get_language_id = function()
      return 'privacy'
    end,
    on_exit = function(code, signal)
      exit_code, exit_signal = code, signal
    end,
  })
  check(client_id ~= nil, 'vim.lsp.start_client returned nil (could not start ' .. binary .. ' lsp)')
  check(vim.lsp.buf_attach_client(buf, client_id), 'vim.lsp.buf_attach_client failed')

  -- 1. The purpose without a basis.
  local initial = wait_for('missing-legal-basis on line ' .. PURPOSE_LINE, function()
    return find(buf, 'missing-legal-basis', PURPOSE_LINE) ~= nil
  end)
  check(initial, string.format('no missing-legal-basis from privlint on line %d within %d ms; diagnostics: %s',
    PURPOSE_LINE, WAIT_MS, describe(buf)))
  local d = find(buf, 'missing-legal-basis', PURPOSE_LINE)
  check(d.col == 8 and d.severity == vim.diagnostic.severity.ERROR,
    string.format('missing-legal-basis at col %d severity %s, expected col 8 (`news`) and ERROR', d.col,
      tostring(d.severity)))

  -- 2. An incremental change: insert `  basis consent` as a new line inside the purpose. Record
  -- what Neovim sends, to know that the server got a ranged (incremental) change.
  local client = vim.lsp.get_client_by_id(client_id)
  check(client ~= nil, 'client ' .. client_id .. ' is gone')
  local changes = {}
  local notify = client.notify
  client.notify = function(method, params)
    if method == 'textDocument/didChange' then
      for _, c in ipairs(params.contentChanges) do
        table.insert(changes, c)
      end
    end
    return notify(method, params)
  end
  vim.api.nvim_buf_set_text(buf, BASIS_LINE, 0, BASIS_LINE, 0, { '  basis consent', '' })

  local fixed = wait_for('missing-legal-basis gone, missing-withdraw-consent-right on line ' .. RIGHTS_LINE_AFTER,
    function()
      return find(buf, 'missing-legal-basis') == nil
        and find(buf, 'missing-withdraw-consent-right', RIGHTS_LINE_AFTER) ~= nil
    end)
  check(fixed, string.format('after inserting `basis consent`, expected no missing-legal-basis and '
    .. 'missing-withdraw-consent-right on line %d within %d ms; diagnostics: %s', RIGHTS_LINE_AFTER, WAIT_MS,
    describe(buf)))
  check(#changes > 0, 'no textDocument/didChange was sent')
  check(changes[1].range ~= nil, 'the didChange was not incremental (no range): ' .. vim.inspect(changes[1]))
  say(string.format('  ok  didChange was incremental: %s', vim.inspect(changes[1], { newline = ' ', indent = '' })))
  -- With a consent-based purpose portability applies, so its warning must have gone too.
  check(find(buf, 'portability-not-applicable') == nil,
    'portability-not-applicable still published after `basis consent`: ' .. describe(buf))

  -- 3. Hover on `consent` (line 8, `  basis consent`, character 10 is inside the word).
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = BASIS_LINE, character = 10 },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
  check(responses ~= nil, 'hover request failed: ' .. tostring(err))
  local response = responses[client_id]
  check(response ~= nil, 'no hover response from privlint within 5000 ms')
  check(response.err == nil, 'hover error: ' .. vim.inspect(response.err))
  local result = response.result
  check(type(result) == 'table' and result.contents ~= nil, 'hover returned no contents: ' .. vim.inspect(result))
  local text = type(result.contents) == 'table' and (result.contents.value or vim.inspect(result.contents))
    or tostring(result.contents)
  check(text:find('Art. 6(1)(a)', 1, true) ~= nil, 'hover on `consent` does not mention Art. 6(1)(a): ' .. text)
  say('  ok  hover on `consent`: ' .. (text:gsub('\n.*', '')))

  -- 4. A clean shutdown: `shutdown`, `exit`, and the server ends with code 0.
  vim.lsp.stop_client(client_id)
  local stopped = wait_for('server exited after shutdown/exit', function()
    return exit_code ~= nil
  end, true)
  check(stopped, 'the server did not exit within ' .. WAIT_MS .. ' ms of shutdown/exit')
  check(exit_code == 0 and exit_signal == 0,
    string.format('the server exited with code %s and signal %s after shutdown/exit', exit_code, exit_signal))
end

local ok, e = xpcall(run, function(e)
  if type(e) == 'table' and e.fail then
    return e.fail
  end
  return 'error in the test: ' .. debug.traceback(tostring(e), 2)
end)

if ok then
  say('PASS')
  vim.cmd('cquit 0')
else
  say('\nFAIL: ' .. e)
  if client_id ~= nil and exit_code == nil then
    -- Ask once more, then kill, so that no server outlives Neovim.
    vim.lsp.stop_client(client_id)
    vim.wait(2000, function()
      return exit_code ~= nil
    end, 20)
    if exit_code == nil then
      vim.lsp.stop_client(client_id, true)
      vim.wait(1000, function()
        return exit_code ~= nil
      end, 20)
    end
  end
  vim.cmd('cquit 1')
end

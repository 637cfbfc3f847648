-- Drives Neovim like a user: keys typed through the typeahead, the built-in LSP client's own commands
-- (omnifunc completion, hover, code action, formatting), and records what the buffer and the server did as JSON
-- for test/editors/neovim.test.ts. Runs after the configuration of docs/other-editors.md has been loaded (-u).
--
-- Every wait is bounded: a step that times out is recorded as failed and the next step runs; a watchdog writes
-- what was recorded and quits if the whole script hangs.
--
-- Environment: IMM_NVIM_JOB (the job file to edit), IMM_NVIM_RESULT (where the JSON goes).

local job_path = assert(os.getenv('IMM_NVIM_JOB'), 'IMM_NVIM_JOB not set')
local result_path = assert(os.getenv('IMM_NVIM_RESULT'), 'IMM_NVIM_RESULT not set')

local STEP_TIMEOUT_MS = 15000
local WATCHDOG_MS = 150000

local results = {
  nvim_version = vim.version(),
  steps = {},
  step_order = {},
  published = {},
  requests = {},
  messages = {},
}
local finished = false

local function finish(reason)
  if finished then
    return
  end
  finished = true
  results.finished = reason
  local file = assert(io.open(result_path, 'w'))
  file:write(vim.json.encode(results))
  file:close()
  vim.cmd('qa!')
end

vim.defer_fn(function()
  finish('watchdog: the script did not finish in ' .. WATCHDOG_MS .. ' ms')
end, WATCHDOG_MS)

local co

local function resume()
  local ok, err = coroutine.resume(co)
  if not ok then
    results.fatal = tostring(err)
    finish('error')
  end
end

local function sleep(ms)
  vim.defer_fn(resume, ms)
  coroutine.yield()
end

local function now_ms()
  return vim.loop.hrtime() / 1e6
end

--- Polls `predicate` (in the main loop, so typed keys and LSP replies are processed meanwhile) until it returns
--- a truthy value, or fails after `timeout_ms`.
local function wait_until(what, predicate, timeout_ms)
  local deadline = now_ms() + (timeout_ms or STEP_TIMEOUT_MS)
  while true do
    local ok, value = pcall(predicate)
    if ok and value then
      return value
    end
    if now_ms() > deadline then
      error('timed out waiting for ' .. what .. (ok and '' or (': ' .. tostring(value))), 0)
    end
    sleep(20)
  end
end

local keys_sent = 0
local keys_done = 0
function _G.imm_nvim_keys_done(n)
  keys_done = n
end

--- Types `keys` as a user would (typed, so each change is its own undo step; <Esc>, <C-x>, ... notation; not
--- remapped) and waits until Neovim has processed all of them.
local function type_keys(keys)
  keys_sent = keys_sent + 1
  local mark = keys_sent
  local codes = vim.api.nvim_replace_termcodes(keys .. '<Cmd>lua imm_nvim_keys_done(' .. mark .. ')<CR>', true, false, true)
  vim.api.nvim_feedkeys(codes, 'nt', false)
  wait_until('the keys ' .. keys, function()
    return keys_done >= mark
  end)
end

local function lines()
  return vim.api.nvim_buf_get_lines(0, 0, -1, false)
end

local function step(name, fn)
  table.insert(results.step_order, name)
  local record = {}
  results.steps[name] = record
  local ok, err = pcall(fn, record)
  record.ok = ok
  if not ok then
    record.error = tostring(err)
  end
  -- Whatever the step left behind (insert mode, a popup, a float), the next one starts in Normal mode.
  pcall(type_keys, '<Esc><Esc>')
  for _, win in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(win).relative ~= '' then
      pcall(vim.api.nvim_win_close, win, true)
    end
  end
end

local function client()
  for _, attached in pairs(vim.lsp.buf_get_clients(0)) do
    return attached
  end
end

local function buffer_version()
  return vim.lsp.util.buf_versions[vim.api.nvim_get_current_buf()]
end

--- The diagnostics the server published for the buffer's current version, exactly as they came over the wire.
local function current_diagnostics()
  local version = buffer_version()
  local uri = vim.uri_from_bufnr(0)
  return wait_until('diagnostics for version ' .. tostring(version), function()
    local last = results.published[#results.published]
    return last and last.uri == uri and last.version == version and last
  end)
end

--- What the server holds for the buffer now: its diagnostics, symbols and formatting edits, with the text the
--- buffer has. The test asks a fresh server the same for that text; any difference means the server's copy drifted.
local function snapshot(record)
  local published = current_diagnostics()
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local symbols = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, STEP_TIMEOUT_MS)
  local formatting_params = vim.lsp.util.make_formatting_params()
  local formatting = vim.lsp.buf_request_sync(bufnr, 'textDocument/formatting', formatting_params, STEP_TIMEOUT_MS)
  local function only(responses, what)
    assert(responses, 'no answer to ' .. what)
    local _, response = next(responses)
    assert(response and not response.err, what .. ' failed: ' .. vim.inspect(response))
    return response.result
  end
  record.snapshot = {
    lines = lines(),
    uri = uri,
    formatting_options = formatting_params.options,
    version = published.version,
    diagnostics = published.diagnostics,
    symbols = only(symbols, 'documentSymbol'),
    formatting = only(formatting, 'formatting'),
  }
end

--- Accepts the omni-completion item whose word is `word`, after typing `before` in Insert mode.
local function complete(record, before, word)
  type_keys(before .. '<C-x><C-o>')
  local info = wait_until('completion items', function()
    local found = vim.fn.complete_info({ 'items', 'selected', 'pum_visible' })
    return #found.items > 0 and found
  end)
  record.offered = {}
  local index
  for i, item in ipairs(info.items) do
    table.insert(record.offered, item.word)
    if item.abbr == word or item.word == word or (item.word:sub(1, #word) == word) then
      index = index or (i - 1)
    end
  end
  assert(index, 'no item for ' .. word .. ' among ' .. vim.inspect(record.offered))
  local moves = string.rep('<C-n>', index - info.selected)
  -- With a single match Neovim inserts it and shows no menu; <C-y> would then copy the character above.
  type_keys(moves .. (info.pum_visible == 1 and '<C-y>' or '') .. '<Esc>')
  record.line = vim.api.nvim_get_current_line()
  record.lines = lines()
end

local function main()
  local notify = vim.notify
  vim.notify = function(message, level, opts)
    table.insert(results.messages, { message = tostring(message), level = level })
    return notify(message, level, opts)
  end

  local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
    table.insert(results.published, { uri = params.uri, version = params.version, diagnostics = params.diagnostics })
    return publish(err, params, ctx, config)
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(job_path))
  step('attach', function(record)
    record.filetype = vim.bo.filetype
    record.omnifunc = vim.bo.omnifunc
    local attached = wait_until('the language server to attach and initialize', function()
      local c = client()
      return c and c.initialized and c
    end)
    record.client_name = attached.name
    record.offset_encoding = attached.offset_encoding
    record.server_capabilities = attached.resolved_capabilities and {
      completion = attached.resolved_capabilities.completion,
      hover = attached.resolved_capabilities.hover,
      code_action = attached.resolved_capabilities.code_action ~= false,
      document_formatting = attached.resolved_capabilities.document_formatting,
      document_symbol = attached.resolved_capabilities.document_symbol,
    }
    local sent = attached.config.capabilities or vim.lsp.protocol.make_client_capabilities()
    record.snippet_support = sent.textDocument.completion.completionItem.snippetSupport
    results.client_capabilities = sent
    -- Every request Neovim sends is recorded with its parameters (the formatting options, the code action context).
    local request = attached.request
    attached.request = function(method, params, handler, buf)
      table.insert(results.requests, { method = method, params = params })
      return request(method, params, handler, buf)
    end
  end)

  step('diagnostics', function(record)
    current_diagnostics()
    wait_until('the diagnostics in vim.diagnostic', function()
      return #vim.diagnostic.get(0) > 0
    end)
    record.lines = lines()
    record.diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(0)) do
      table.insert(record.diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, code = d.code, message = d.message })
    end
    record.published = results.published[#results.published].diagnostics
  end)

  step('hover', function(record)
    vim.api.nvim_win_set_cursor(0, { 2, 1 })
    vim.lsp.buf.hover()
    local float = wait_until('the hover window', function()
      for _, win in ipairs(vim.api.nvim_list_wins()) do
        if vim.api.nvim_win_get_config(win).relative ~= '' then
          return win
        end
      end
    end)
    record.lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false)
  end)

  step('code_action', function(record)
    -- On `mpp4`, after the Chinese folder names of the same line.
    local row = 5
    local line = vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1]
    local col = assert(line:find('mpp4', 1, true), 'no mpp4 on line 5') - 1
    vim.api.nvim_win_set_cursor(0, { row, col })
    record.before = line
    local chosen = false
    local select = vim.ui.select
    vim.ui.select = function(items, opts, on_choice)
      record.titles = {}
      local pick
      for i, item in ipairs(items) do
        local action = item[2] or item
        table.insert(record.titles, action.title)
        if not pick and action.title:find('mp4', 1, true) then
          pick = i
        end
      end
      chosen = true
      vim.ui.select = select
      if pick then
        on_choice(items[pick], pick)
      else
        on_choice(nil, nil)
      end
    end
    vim.lsp.buf.code_action()
    wait_until('a code action to be offered', function()
      return chosen
    end)
    vim.ui.select = select
    wait_until('the quick fix to change line 5', function()
      return vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1] ~= line
    end)
    record.after = vim.api.nvim_buf_get_lines(0, row - 1, row, false)[1]
  end)

  step('complete_type', function(record)
    vim.api.nvim_win_set_cursor(0, { 2, 0 })
    complete(record, 'SType: ', 'Concat')
  end)

  step('complete_key', function(record)
    -- A new top-level key after the last line.
    vim.api.nvim_win_set_cursor(0, { vim.api.nvim_buf_line_count(0), 0 })
    complete(record, 'o<C-u>Ta', 'Tags')
  end)

  step('after_completion', snapshot)

  -- What follows starts from the file as saved, so that it does not depend on how the completions went.
  step('reopen', function(record)
    vim.cmd('bwipeout!')
    vim.cmd('edit ' .. vim.fn.fnameescape(job_path))
    wait_until('the language server to attach to the reopened file', client)
    current_diagnostics()
    record.lines = lines()
  end)

  step('formatting', function(record)
    -- Indented by four where the server writes two, and two spaces after a colon.
    vim.api.nvim_buf_set_lines(0, 0, -1, false, {
      'ProjectName:  immtest_cn',
      'Type: Concat',
      'Sources:',
      '    - URI: oss://test-bucket/宠物/猫.mp4',
      'Output:',
      '    URI: oss://test-bucket/输出/猫.mp4',
      '    Container: mp4',
    })
    current_diagnostics()
    record.before = lines()
    local sent = #results.requests
    vim.lsp.buf.formatting_sync(nil, STEP_TIMEOUT_MS)
    -- What formatting_sync itself asked (the snapshots ask for formatting too).
    record.requests = vim.list_slice(results.requests, sent + 1)
    record.after = lines()
  end)

  step('symbols', function(record)
    current_diagnostics()
    local result = vim.lsp.buf_request_sync(0, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(0) } }, STEP_TIMEOUT_MS)
    local _, response = next(result or {})
    record.lines = lines()
    record.symbols = response and response.result
  end)

  step('edits', function(record)
    -- A comment line with Chinese and an emoji (two UTF-16 units) above everything.
    type_keys('ggO# 注释：猫咪 🐱 job<Esc>')
    -- A line appended at the end, then deleted and brought back.
    type_keys('GoUserData: \'{"说明": "猫咪 🐱"}\'<Esc>')
    type_keys('ddu')
    -- One character after the Chinese folder name replaced, in the middle of the line.
    type_keys('gg/猫.mp4<CR>xi狗<Esc>')
    -- Two lines joined and split again by undo, then redone and undone again.
    type_keys('ggJu<C-r>u')
    -- A word in the middle of the comment changed, and the edit undone.
    type_keys('gg0f猫cw小猫<Esc>u')
    -- Lines deleted and put back below, and both undone.
    type_keys('3G2ddGp')
    type_keys('uu')
    -- Text through the API, as a plugin would write it.
    vim.api.nvim_buf_set_text(0, 0, 2, 0, 2, { '说明 ' })
    record.changed = true
  end)

  step('after_edits', snapshot)

  finish('done')
end

co = coroutine.create(main)
vim.schedule(resume)

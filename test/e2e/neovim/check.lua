-- Run by test/e2e/neovim.e2e.ts after init.lua: waits (bounded) for the diagnostics the server
-- pushes, asks for a hover on a word, writes what Neovim received as JSON to $ITIL_RESULT, quits.
local result = { errors = {} }
local function finish()
  local f = assert(io.open(assert(os.getenv('ITIL_RESULT')), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  local wait_ms = tonumber(os.getenv('ITIL_WAIT_MS') or '15000')
  result.nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch)
  result.filetype = vim.bo[buf].filetype
  -- Diagnostics are pushed (textDocument/publishDiagnostics): Neovim 0.7 does not pull them.
  if not vim.wait(wait_ms, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
    table.insert(result.errors, ('no diagnostics within %d ms'):format(wait_ms))
  end
  result.clients = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(result.clients, { name = c.name }) end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
      message = d.message, source = d.source, code = d.code or lsp.code,
    })
  end

  -- Hover on a word of a line, both given by the test.
  local line_text, word = os.getenv('ITIL_HOVER_LINE'), os.getenv('ITIL_HOVER_WORD')
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, l in ipairs(lines) do
    local s = l:find(line_text, 1, true)
    if s then
      local c = l:find(word, s, true)
      local position = { line = i - 1, character = c - 1 + math.floor(#word / 2) }
      result.hover_position = position
      local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = position }
      local responses, req_err = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, wait_ms)
      if not responses then table.insert(result.errors, 'hover: ' .. tostring(req_err)) end
      for _, r in pairs(responses or {}) do
        if r.err then table.insert(result.errors, 'hover error: ' .. vim.inspect(r.err)) end
        if r.result then result.hover = r.result.contents end
      end
      break
    end
  end
  if not result.hover_position then table.insert(result.errors, 'line not found: ' .. tostring(line_text)) end
end)
if not ok then table.insert(result.errors, 'check.lua: ' .. tostring(err)) end
finish()

-- Neovim 0.7 configuration used by test/e2e/neovim.e2e.ts (and shown in the README): start the ITIL
-- language server over stdio, send it the settings, and attach it to every Markdown buffer.
local id = vim.lsp.start_client({
  name = 'itil',
  cmd = { os.getenv('ITIL_SERVER') or 'itil-language-server', '--stdio' },
  root_dir = vim.fn.getcwd(),
  -- e.g. { itil = { severity = { version = 'off' } } }; the test passes them as JSON
  settings = vim.fn.json_decode(os.getenv('ITIL_SETTINGS') or '{}'),
  -- Neovim 0.7 neither sends settings by itself nor answers workspace/configuration: push them
  on_init = function(client)
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end,
})
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(ev) vim.lsp.buf_attach_client(ev.buf, id) end,
})

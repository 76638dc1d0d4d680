import { strict as assert } from 'node:assert';
import manifest from '../../package.json';
import { FAMILIES } from '../../server/src/core/rules/types';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/core/settings';

const props = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: unknown[]; scope?: string; markdownDescription?: string }>;

describe('settings: the manifest and the code agree', () => {
  it('declares every family severity with the code default', () => {
    for (const f of FAMILIES) {
      const p = props[`itil.severity.${f}`];
      assert.ok(p, `itil.severity.${f} missing from package.json`);
      assert.equal(p.default, DEFAULT_SETTINGS.severity[f], f);
      assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error']);
    }
  });
  it('declares version and document scope with the code defaults', () => {
    assert.equal(props['itil.version']!.default, DEFAULT_SETTINGS.version);
    assert.equal(props['itil.documentScope']!.default, DEFAULT_SETTINGS.documentScope);
  });
  it('declares nothing the server does not read, and documents every key', () => {
    const known = new Set(['itil.version', 'itil.documentScope', 'itil.trace.server', ...FAMILIES.map((f) => `itil.severity.${f}`)]);
    for (const [k, p] of Object.entries(props)) {
      assert.ok(known.has(k), `unknown setting ${k}`);
      assert.ok(p.markdownDescription && p.scope, `${k} needs a markdownDescription and a scope`);
    }
  });
  it('reads untrusted settings, keeping defaults for anything invalid', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ version: 7, documentScope: 'x', severity: { roles: 'loud' } }), DEFAULT_SETTINGS);
    const s = readSettings({ version: '3', documentScope: 'itsm', severity: { roles: 'off' } });
    assert.equal(s.version, '3');
    assert.equal(s.documentScope, 'itsm');
    assert.equal(s.severity.roles, 'off');
    assert.equal(s.severity.agreements, DEFAULT_SETTINGS.severity.agreements);
  });
});

import { useState, type ChangeEvent } from 'react';
import { wasOf } from '../state/was';
import { CHAIR_TITLES, FONT_SIZE_PT, LOGO_MAX_BYTES } from '../../../shared/minutes/house-style-values';
import type { HouseStyle } from '../../../shared/minutes/house-style';
import { describeSize } from '../../../shared/limits';
import type { BodyDetail } from '../../../shared/model';
import { AutoSelect, AutoText } from '../components/AutoField';
import { useApp } from '../state/store';
import { WordTemplateField } from './WordTemplateField';

const SIDES = ['top', 'right', 'bottom', 'left'] as const;
const SIDE_LABELS = { top: 'Top margin (mm)', right: 'Right margin (mm)', bottom: 'Bottom margin (mm)', left: 'Left margin (mm)' };

/** How this body's minutes are printed: the Word export and the live preview both follow it. */
export function HouseStyleSection({ body }: { body: BodyDetail }) {
  const write = useApp((s) => s.write);
  const setBody = useApp((s) => s.setBody);
  const [logoError, setLogoError] = useState<string | null>(null);
  const style = body.houseStyle;

  /** Saves the fields changed, and only those: another window's change to a different field is kept. */
  const save = async (change: Partial<HouseStyle>) => {
    const result = await write('bodies.update', { bodyId: body.id, patch: { houseStyle: change }, was: wasOf(useApp.getState().body, { houseStyle: change }) });
    if (result.ok) setBody(result.value);
    return result;
  };
  const key = (field: string) => `body:${body.id}:style:${field}`;
  const mm = (text: string) => Number(text.replace(',', '.'));

  const chooseLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) return setLogoError(`The logo must be at most ${describeSize(LOGO_MAX_BYTES)}.`);
    const mime = file.type === 'image/png' || file.type === 'image/jpeg' ? file.type : null;
    if (!mime) return setLogoError('The logo must be a PNG or JPEG image.');
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    const result = await save({ logo: { mime, data: btoa(binary) } });
    setLogoError(result.ok ? null : result.error.message);
  };

  return (
    <section className="panel" aria-labelledby="house-style-title">
      <h2 id="house-style-title">House style</h2>
      <p className="muted">How this body’s minutes are printed. The Word export and the live preview both follow it, or the council’s own Word template when one is chosen below.</p>
      <div className="form-grid">
        <AutoText label="Council name" value={style.councilName} saveKey={key('council')} onSave={(councilName) => save({ councilName })} hint="Printed above the minutes; blank leaves it out" />
        <AutoSelect
          label="The chair is called"
          value={style.chairTitle}
          options={CHAIR_TITLES.map((t) => ({ value: t, label: t }))}
          saveKey={key('chairTitle')}
          onSave={(chairTitle) => save({ chairTitle })}
        />
        <AutoText label="Font" value={style.fontFamily} saveKey={key('font')} onSave={(fontFamily) => save({ fontFamily })} hint="Default Arial" />
        <AutoText
          label="Font size (pt)"
          value={String(style.fontSize)}
          saveKey={key('size')}
          onSave={(text) => save({ fontSize: mm(text) })}
          hint={`${FONT_SIZE_PT.min}–${FONT_SIZE_PT.max} pt; default ${FONT_SIZE_PT.default}`}
        />
        {SIDES.map((side) => (
          <AutoText
            key={side}
            label={SIDE_LABELS[side]}
            value={String(style.margins[side])}
            saveKey={key(side)}
            onSave={(text) => save({ margins: { ...(useApp.getState().body?.houseStyle.margins ?? style.margins), [side]: mm(text) } })}
          />
        ))}
        <div className="field span-2">
          <label htmlFor={`logo-${body.id}`}>Logo (PNG or JPEG, at most 1 MB)</label>
          <input id={`logo-${body.id}`} type="file" accept="image/png,image/jpeg" onChange={(e) => void chooseLogo(e)} />
          {style.logo ? (
            <p className="hint">
              <img className="logo-preview" alt="The logo printed on the minutes" src={`data:${style.logo.mime};base64,${style.logo.data}`} />
              <button type="button" className="button-danger-quiet" onClick={() => void save({ logo: null })}>
                Remove logo
              </button>
            </p>
          ) : null}
          {logoError ? (
            <p className="field-error" role="alert">
              {logoError}
            </p>
          ) : null}
        </div>
        <WordTemplateField body={body} />
      </div>
    </section>
  );
}

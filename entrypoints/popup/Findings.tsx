/** Counts by severity (each a filter toggle) and the findings grouped by category, numbered as on the page. */
import { CATEGORIES, SEVERITIES } from '@/lib/model/enums';
import type { Finding, Lang, Severity } from '@/lib/model/schema';
import { CATEGORY_KEY, SEVERITY_KEY, t } from '../shared/i18n';

/** Counts by severity; a click shows only that severity (on the page too), a second click shows all again. */
export function Counts({
  findings,
  shown,
  only,
  lang,
  onToggle,
}: {
  findings: Finding[];
  shown: Severity[];
  only: Severity | null;
  lang: Lang;
  onToggle: (s: Severity) => void;
}) {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return (
    <section class="counts" aria-label={t(lang, 'filter')}>
      {SEVERITIES.map((s) => (
        <button
          type="button"
          key={s}
          class={`count ${s}${shown.includes(s) ? ' on' : ''}`}
          aria-pressed={only === s}
          title={only === s ? t(lang, 'showAll') : t(lang, 'showOnly', t(lang, SEVERITY_KEY[s]))}
          data-severity={s}
          onClick={() => onToggle(s)}
        >
          {t(lang, SEVERITY_KEY[s])} <b>{counts[s]}</b>
        </button>
      ))}
    </section>
  );
}

export interface FindingActions {
  focus: (f: Finding) => void;
  addOne: (f: Finding) => void;
  closeUp: (f: Finding) => void;
}

function Row({
  f,
  num,
  lang,
  actions,
}: {
  f: Finding;
  num: number | undefined;
  lang: Lang;
  actions: FindingActions;
}) {
  return (
    <li class="finding-row">
      <button
        type="button"
        class={`finding ${f.severity}`}
        data-finding-id={f.id}
        data-rule={f.ruleId}
        data-category={f.category}
        data-severity={f.severity}
        onClick={() => actions.focus(f)}
      >
        <span class="num">{num ?? '·'}</span>
        <span class="body">
          <span class="ftitle">{f.title[lang]}</span>
          <span class="msg">{f.evidence?.formula?.[lang] ?? f.message[lang]}</span>
        </span>
      </button>
      <span class="row-actions">
        <button
          type="button"
          class="link"
          title={t(lang, 'addOne')}
          data-action="add-one"
          onClick={() => actions.addOne(f)}
        >
          ＋
        </button>
        <button
          type="button"
          class="link"
          title={t(lang, 'captureFinding')}
          data-action="closeup"
          onClick={() => actions.closeUp(f)}
        >
          {t(lang, 'captureFinding')}
        </button>
      </span>
    </li>
  );
}

export function FindingList({
  all,
  visible,
  numbers,
  lang,
  actions,
  unchecked,
}: {
  all: Finding[];
  visible: Finding[];
  numbers: Map<string, number>;
  lang: Lang;
  actions: FindingActions;
  /** Something was not checked: 「未发现问题」 is never said then. */
  unchecked: boolean;
}) {
  const byCat = CATEGORIES.map((c) => [c, visible.filter((f) => f.category === c)] as const).filter(
    ([, fs]) => fs.length,
  );
  return (
    <section class="findings">
      {byCat.length === 0 && (
        <p class="muted" data-state={all.length ? 'none-shown' : unchecked ? 'unchecked' : 'clean'}>
          {all.length
            ? t(lang, 'noneShown')
            : unchecked
              ? t(lang, 'noFindingsButUnchecked')
              : t(lang, 'noFindings')}
        </p>
      )}
      {byCat.map(([cat, fs]) => (
        <div class="group" key={cat} data-category={cat}>
          <h2>
            {t(lang, CATEGORY_KEY[cat])} <span class="n">{fs.length}</span>
          </h2>
          <ul>
            {fs.map((f) => (
              <Row key={f.id} f={f} num={numbers.get(f.id)} lang={lang} actions={actions} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

import type { ChangeLine } from '../../../../common/schemas/change-requests';
import './change-lines.css';

/** Each asked change as 「label：old → new」; an empty old value shows as 未填写. */
export function ChangeLines({ changes }: { changes: ChangeLine[] }) {
  return (
    <ul className="change-lines">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="change-lines-label">{c.label}：</span>
          {c.from === null ? <span className="change-lines-empty">未填写</span> : <span className="change-lines-from">{c.from}</span>}
          <span className="change-lines-arrow" aria-label="改为">
            →
          </span>
          <span className="change-lines-to">{c.to ?? '未填写'}</span>
        </li>
      ))}
    </ul>
  );
}

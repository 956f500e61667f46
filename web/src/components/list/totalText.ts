/** The one wording of a list's total; a capped count (a province-wide list counts up to a cap) asks to narrow it. */
export function totalText(total: number, capped = false): string {
  return capped ? `共 ${total}+ 条，请按条件缩小范围` : `共 ${total} 条`;
}

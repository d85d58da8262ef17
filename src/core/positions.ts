/** Offsets to 0-based line/column positions (UTF-16 columns, like VS Code), for code that works on plain text. */
export interface TextPosition {
  line: number;
  column: number;
}

/** A converter for one text: line starts are computed once, each lookup is a binary search. */
export function positionsOf(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - starts[low] };
  };
}

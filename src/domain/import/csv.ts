// CSV as county offices produce it, once its bytes are text (UTF-8, UTF-16 or GBK: decoded by the
// import, modules/import/decode-text.ts and read-file.ts): the delimiter, records with the row
// numbers Excel shows, and CSV written back for the error reports.

/** Excel's "Unicode text" export is tab-separated; everything else here is comma-separated. */
export function detectDelimiter(text: string): ',' | '\t' {
  const firstLine = text.slice(0, Math.max(text.indexOf('\n'), 0) || text.length);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

export interface CsvRecord {
  /** 1-based record number: the row number Excel shows when it opens the file */
  rowNo: number;
  cells: string[];
}

/** RFC 4180 records: quoted fields may hold the delimiter, "" and line breaks. */
export function parseCsv(text: string, delimiter: ',' | '\t' = ','): CsvRecord[] {
  const parser = new CsvParser(delimiter);
  return [...parser.push(text), ...parser.end()];
}

/**
 * The same records, fed piece by piece (a streamed upload): `push` returns the records completed
 * so far and keeps the unfinished one; `end` returns the last. Memory is one record, not the file.
 */
export class CsvParser {
  readonly delimiter: ',' | '\t';
  #rest = '';
  #rowNo = 1;

  constructor(delimiter: ',' | '\t' = ',') {
    this.delimiter = delimiter;
  }

  push(text: string): CsvRecord[] {
    return this.#parse(this.#rest + text, false);
  }

  /** characters held for the unfinished record (a runaway quote would hold the whole file) */
  get pending(): number {
    return this.#rest.length;
  }

  end(): CsvRecord[] {
    const out = this.#parse(this.#rest, true);
    this.#rest = '';
    return out;
  }

  // At the end of a piece (not the last) a record is unfinished when it has no line break yet,
  // or its text ends right after a quote or a \r (the next piece may hold "" or \n).
  #parse(text: string, final: boolean): CsvRecord[] {
    const delimiter = this.delimiter;
    const out: CsvRecord[] = [];
    let cells: string[] = [];
    let start = 0;
    let i = 0;
    const n = text.length;
    const unfinished = () => {
      this.#rest = text.slice(start);
      return out;
    };
    while (i < n) {
      if (text[i] === '"') {
        let value = '';
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            if (!final) return unfinished();
            value += text.slice(i);
            i = n;
            break;
          }
          if (q + 1 >= n && !final) return unfinished();
          value += text.slice(i, q);
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // text between a closing quote and the next delimiter is kept, as Excel does
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        cells.push(value + text.slice(i, j));
        i = j;
      } else {
        let j = i;
        while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        cells.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      if (text[i] === delimiter) {
        i++;
        if (i >= n) {
          if (!final) return unfinished();
          cells.push('');
        }
        continue;
      }
      // line break: \r\n, \n or \r
      if (text[i] === '\r' && i + 1 >= n && !final) return unfinished();
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else i++;
      out.push({ rowNo: this.#rowNo++, cells });
      cells = [];
      start = i;
    }
    if (!final) return unfinished();
    if (cells.length > 0) out.push({ rowNo: this.#rowNo++, cells });
    this.#rest = '';
    return out;
  }
}

// Spreadsheet programs execute cells starting with = + @ (and - before a letter) as formulas;
// values echoed back from an uploaded file are defused with a leading apostrophe.
export function defuseFormula(v: string): string {
  return /^[=+@]|^-[^\d.]/.test(v) ? `'${v}` : v;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** CSV text with a UTF-8 BOM (so Excel opens Chinese correctly) and CRLF line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

// exceljs's streaming WorkbookReader decodes each compressed chunk of sharedStrings.xml and the
// worksheet XML on its own, so a Chinese character (3 bytes in UTF-8) cut by a chunk boundary
// becomes two U+FFFD replacement characters (exceljs issues #2063, #2084, #2316): about one
// name in a thousand arrived as "居��759". This reader hands the parser text decoded across
// chunk boundaries instead; the name rule (domain/shared/text-rules.ts) refuses any U+FFFD left.
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';
import { excel } from '../../api/excel.ts';

async function* utf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const s = typeof c === 'string' ? c : decoder.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
    if (s) yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** the two internal steps of exceljs 4.4 that read XML text from a zip entry */
interface ReaderSteps {
  _parseSharedStrings(entry: { setEncoding(e: 'utf8'): unknown }): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: number): Generator<unknown>;
}
type Reader = ExcelJS.stream.xlsx.WorkbookReader & ReaderSteps;
type ReaderArgs = ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>;

let readerClass: Promise<new (...args: ReaderArgs) => Reader> | undefined;

/** The reader class, built once exceljs is loaded (with the first spreadsheet). */
function utf8ReaderClass(): Promise<new (...args: ReaderArgs) => Reader> {
  readerClass ??= excel().then((X) => {
    const Base = X.stream.xlsx.WorkbookReader as unknown as new (...args: ReaderArgs) => Reader;
    return class Utf8WorkbookReader extends Base {
      _parseSharedStrings(entry: { setEncoding(e: 'utf8'): unknown }) {
        entry.setEncoding('utf8'); // a Readable then yields whole characters
        return super._parseSharedStrings(entry);
      }

      _parseWorksheet(iterator: AsyncIterable<Uint8Array | string>, sheetNo: number) {
        return super._parseWorksheet(utf8(iterator), sheetNo);
      }
    };
  });
  return readerClass;
}

/** exceljs's streaming reader, reading XML text decoded across chunk boundaries. */
export async function utf8WorkbookReader(...args: ReaderArgs): Promise<ExcelJS.stream.xlsx.WorkbookReader> {
  return new (await utf8ReaderClass())(...args);
}

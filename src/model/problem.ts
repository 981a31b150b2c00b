/** Why something in a bundle could not be (fully) read. A case lists every one. */
export type ProblemCode =
  | 'archive.truncated'
  | 'archive.bomb' // compression ratio over the limit
  | 'archive.too-many-entries'
  | 'archive.too-deep'
  | 'archive.path-traversal'
  | 'archive.link' // symlink/hardlink in an archive, not followed
  | 'archive.unsupported'
  | 'input.too-large' // total uncompressed bytes over the limit
  | 'input.unreadable'
  | 'input.binary'
  | 'input.empty'
  | 'line.too-long' // cut at the line-length limit
  | 'line.invalid-utf8'
  | 'line.malformed' // a parser recognised the source but not this line
  | 'time.unparsed'
  | 'time.assumed'
  | 'token.malformed'
  | 'parser.error';

export interface Problem {
  code: ProblemCode;
  /** Input path (archive members as `bundle.tar.gz!/path`). */
  input: string;
  /** 1-based line when the problem is about a line. */
  line?: number;
  message: string;
}

/// Reads a post into blocks of visible text, each mapped back to the file.
///
/// Markdown is parsed by cmark-gfm and HTML by libxml2's HTML parser (both through MarkupTrees); every reader maps
/// what it reads back to the UTF-8 bytes with explicit state (no recursion), so a 20 MB post, a 1 MB line or
/// 100,000 nested HTML elements are read in linear time.
public enum DocumentReader {
    /// Reads `source` as `format`.
    public static func read(_ source: SourceFile, format: InputFormat) -> Document {
        let result: (blocks: [TextBlock], directives: [SuppressionDirective])
        switch format {
        case .text: result = PlainTextReader.read(source)
        case .markdown: result = MarkdownReader.read(source)
        case .html: result = HTMLReader.read(source)
        }
        return Document(source: source, format: format, blocks: result.blocks, directives: result.directives)
    }
}

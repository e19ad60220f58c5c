import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Markdown document parsed by GitHub's cmark-gfm (CommonMark with footnotes and the table, strikethrough and
/// autolink extensions), copied into Swift values: no C pointer leaves this module, and every C node is freed
/// before `parse` returns.
///
/// Nodes are stored in document (pre-)order: a node's subtree is `index + 1 ..< subtreeEnd`, and `children(of:)`
/// lists its children. Nodes are plain values (no references), with their text kept in shared buffers, so a
/// 1 MB post's 60,000 nodes cost one allocation rather than one each. Positions are cmark's: 1-based lines and
/// 1-based byte columns of the bytes it was given (0 where cmark has none, as for soft breaks).
public struct MarkdownTree: Sendable {
    public var nodes: [MarkdownNode]
    /// The literals of all nodes, one after the other (`MarkdownNode.literalRange` indexes it).
    public var literals: [UInt8]
    /// Link and image destinations and titles, code-block info strings (`MarkdownNode.detail` indexes it).
    public var details: [MarkdownNode.Detail]

    /// The document node.
    public var root: Int { 0 }

    /// Text of a text, code, HTML or footnote-reference node, as cmark resolved it (entities and escapes decoded).
    public func literal(of index: Int) -> ArraySlice<UInt8> { literals[nodes[index].literalRange] }

    public func url(of index: Int) -> String? { detail(of: index)?.url }
    public func title(of index: Int) -> String? { detail(of: index)?.title }
    /// The info string of a fenced code block; nil for an indented one (and for anything else).
    public func fenceInfo(of index: Int) -> String? { detail(of: index)?.fenceInfo }

    private func detail(of index: Int) -> MarkdownNode.Detail? {
        let k = Int(nodes[index].detail)
        return k >= 0 ? details[k] : nil
    }

    /// The children of a node, in order.
    public func children(of index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = nodes[index].subtreeEnd
        while child < end {
            result.append(child)
            child = nodes[child].subtreeEnd
        }
        return result
    }
}

public struct MarkdownNode: Sendable {
    public enum Kind: UInt8, Hashable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case footnoteDefinition
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image, footnoteReference
        /// GFM extension nodes.
        case table, tableHeader, tableRow, tableCell, strikethrough, otherExtension
    }

    public enum ListType: UInt8, Sendable { case bullet, ordered }
    public enum ListDelimiter: UInt8, Sendable { case none, period, parenthesis }

    public struct Detail: Sendable {
        public var url: String?
        public var title: String?
        public var fenceInfo: String?
    }

    public var kind: Kind
    public var headingLevel: UInt8 = 0
    public var listType: ListType?
    public var listDelimiter: ListDelimiter = .none
    public var listTight = false
    private var literalStart: Int32 = 0
    private var literalEnd: Int32 = 0
    private var listStart32: Int32 = 0
    private var lines: (start: Int32, startColumn: Int32, end: Int32, endColumn: Int32) = (0, 0, 0, 0)
    private var parent32: Int32 = -1
    private var subtreeEnd32: Int32 = 0
    /// Index into `MarkdownTree.details`, or -1.
    public internal(set) var detail: Int32 = -1

    init(kind: Kind) {
        self.kind = kind
    }

    public var literalRange: Range<Int> { Int(literalStart)..<Int(literalEnd) }
    public var listStart: Int { Int(listStart32) }
    public var startLine: Int { Int(lines.start) }
    public var startColumn: Int { Int(lines.startColumn) }
    public var endLine: Int { Int(lines.end) }
    public var endColumn: Int { Int(lines.endColumn) }
    public var parent: Int? { parent32 >= 0 ? Int(parent32) : nil }
    /// One past the index of the node's last descendant.
    public var subtreeEnd: Int { Int(subtreeEnd32) }

    mutating func setLiteral(_ range: Range<Int>) {
        literalStart = Int32(truncatingIfNeeded: range.lowerBound)
        literalEnd = Int32(truncatingIfNeeded: range.upperBound)
    }
    mutating func setListStart(_ value: Int) { listStart32 = Int32(truncatingIfNeeded: value) }
    mutating func setPosition(_ startLine: Int32, _ startColumn: Int32, _ endLine: Int32, _ endColumn: Int32) {
        lines = (startLine, startColumn, endLine, endColumn)
    }
    mutating func setEnd(_ line: Int, _ column: Int) {
        lines.end = Int32(truncatingIfNeeded: line)
        lines.endColumn = Int32(truncatingIfNeeded: column)
    }
    mutating func setParent(_ index: Int?) { parent32 = Int32(truncatingIfNeeded: index ?? -1) }
    mutating func setSubtreeEnd(_ index: Int) { subtreeEnd32 = Int32(truncatingIfNeeded: index) }
}

public enum CommonMark {
    /// Registers the core extensions once per process (cmark-gfm's registration is not thread-safe).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `bytes` with `CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES`, the table, strikethrough and autolink
    /// extensions attached, and adjacent text nodes merged into one (as `cmark_consolidate_text_nodes` would, but
    /// while copying). Iterative: any nesting depth is safe.
    public static func parse(_ bytes: [UInt8]) -> MarkdownTree {
        parse(prefix: [], bytes)
    }

    /// Parses `prefix` followed by `bytes`, as one document, without joining them in memory.
    public static func parse(prefix: [UInt8], _ bytes: [UInt8]) -> MarkdownTree {
        _ = registered
        let empty = MarkdownTree(nodes: [MarkdownNode(kind: .document)], literals: [], details: [])
        // Offsets and positions are kept in 32 bits.
        guard prefix.count + bytes.count < Int(Int32.max) / 2 else { return empty }
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES) else { return empty }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] where name != "table" || tablesAreSafe(prefix) && tablesAreSafe(bytes) {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        for part in [prefix, bytes] where !part.isEmpty {
            part.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return empty }
        defer { cmark_node_free(document) }
        var tree = MarkdownTree(nodes: [], literals: [], details: [])
        tree.literals.reserveCapacity(bytes.count + prefix.count)
        copy(document, into: &tree)
        return tree
    }

    /// Most `|` one line may hold for the table extension to be attached.
    public static let maxPipesPerLine = 64

    /// True unless a line holds more than `maxPipesPerLine` pipes. cmark-gfm 0.29.0.gfm.6's table parser takes time
    /// superlinear in a row's cells (a 1 MB line of `|` over a delimiter row: seconds; 250 columns: 0.6 s a MB,
    /// against 0.2 s a MB up to 64); no real post's table is that wide, so such a post is read without tables
    /// (its rows stay paragraphs).
    static func tablesAreSafe(_ bytes: [UInt8]) -> Bool {
        var pipes = 0
        for byte in bytes {
            if byte == UInt8(ascii: "|") {
                pipes += 1
                if pipes > maxPipesPerLine { return false }
            } else if byte == 0x0A || byte == 0x0D {
                pipes = 0
            }
        }
        return true
    }

    private static func copy(_ document: OpaquePointer, into tree: inout MarkdownTree) {
        var open: [Int] = []
        guard let iterator = cmark_iter_new(document) else {
            tree.nodes = [MarkdownNode(kind: .document)]
            return
        }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                if let index = open.popLast() { tree.nodes[index].setSubtreeEnd(tree.nodes.count) }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            let index = tree.nodes.count
            // A text node right after a text sibling (cmark splits text at entities, brackets and the like): one node.
            if cmark_node_get_type(node) == CMARK_NODE_TEXT, let last = tree.nodes.last, last.kind == .text,
                last.parent == open.last, last.literalRange.upperBound == tree.literals.count
            {
                let merged = describe(node, into: &tree)
                tree.nodes[index - 1].setLiteral(last.literalRange.lowerBound..<merged.literalRange.upperBound)
                tree.nodes[index - 1].setEnd(merged.endLine, merged.endColumn)
                continue
            }
            var value = describe(node, into: &tree)
            value.setParent(open.last)
            value.setSubtreeEnd(index + 1)
            tree.nodes.append(value)
            // Leaves get no exit event (cmark's iterator rule).
            if !isLeaf(cmark_node_get_type(node)) { open.append(index) }
        }
        while let index = open.popLast() { tree.nodes[index].setSubtreeEnd(tree.nodes.count) }
        if tree.nodes.isEmpty { tree.nodes = [MarkdownNode(kind: .document)] }
    }

    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
            CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func describe(_ node: OpaquePointer, into tree: inout MarkdownTree) -> MarkdownNode {
        let type = cmark_node_get_type(node)
        let kind: MarkdownNode.Kind
        switch type {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST: kind = .list
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK: kind = .codeBlock
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: kind = .customBlock
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: kind = .footnoteDefinition
        case CMARK_NODE_TEXT: kind = .text
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: kind = .customInline
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK: kind = .link
        case CMARK_NODE_IMAGE: kind = .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: kind = .footnoteReference
        default:
            switch string(cmark_node_get_type_string(node)) {
            case "table": kind = .table
            case "table_header": kind = .tableHeader
            case "table_row": kind = .tableRow
            case "table_cell": kind = .tableCell
            case "strikethrough": kind = .strikethrough
            default: kind = .otherExtension
            }
        }
        var value = MarkdownNode(kind: kind)
        switch kind {
        case .text, .code, .htmlInline, .htmlBlock, .codeBlock, .footnoteReference:
            if let literal = cmark_node_get_literal(node) {
                let start = tree.literals.count
                let count = strlen(literal)
                literal.withMemoryRebound(to: UInt8.self, capacity: count) {
                    tree.literals.append(contentsOf: UnsafeBufferPointer(start: $0, count: count))
                }
                value.setLiteral(start..<tree.literals.count)
            }
        default: break
        }
        switch kind {
        case .link, .image:
            let title = string(cmark_node_get_title(node))
            value.detail = Int32(tree.details.count)
            tree.details.append(MarkdownNode.Detail(url: string(cmark_node_get_url(node)), title: title?.isEmpty == true ? nil : title))
        case .heading:
            value.headingLevel = UInt8(truncatingIfNeeded: cmark_node_get_heading_level(node))
        case .list:
            value.listType = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? .ordered : .bullet
            value.setListStart(Int(cmark_node_get_list_start(node)))
            switch cmark_node_get_list_delim(node) {
            case CMARK_PERIOD_DELIM: value.listDelimiter = .period
            case CMARK_PAREN_DELIM: value.listDelimiter = .parenthesis
            default: value.listDelimiter = .none
            }
            value.listTight = cmark_node_get_list_tight(node) != 0
        case .codeBlock:
            var length: Int32 = 0
            var offset: Int32 = 0
            var character: CChar = 0
            if cmark_node_get_fenced(node, &length, &offset, &character) != 0 {
                value.detail = Int32(tree.details.count)
                tree.details.append(MarkdownNode.Detail(fenceInfo: string(cmark_node_get_fence_info(node)) ?? ""))
            }
        default: break
        }
        value.setPosition(
            cmark_node_get_start_line(node), cmark_node_get_start_column(node), cmark_node_get_end_line(node),
            cmark_node_get_end_column(node))
        return value
    }
}

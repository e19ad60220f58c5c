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
/// Nodes are stored in document (pre-)order; `children` index into `nodes`. Positions are cmark's: 1-based lines
/// and 1-based byte columns of the bytes it was given (0 where cmark has none, as for soft breaks).
public struct MarkdownTree: Sendable {
    public var nodes: [MarkdownNode]

    /// The document node.
    public var root: Int { 0 }

    public init(nodes: [MarkdownNode]) {
        self.nodes = nodes
    }
}

public struct MarkdownNode: Sendable {
    public enum Kind: Hashable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case footnoteDefinition
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image, footnoteReference
        /// Extension nodes: `table`, `table_header`, `table_row`, `table_cell`, `strikethrough`, …
        case extensionNode(String)
    }

    public enum ListType: Sendable { case bullet, ordered }
    public enum ListDelimiter: Sendable { case none, period, parenthesis }

    public var kind: Kind
    /// Text of text, code, HTML and footnote-reference nodes (as cmark resolved it: entities and escapes decoded).
    public var literal: [UInt8]
    public var url: String?
    public var title: String?
    public var headingLevel: Int
    public var listType: ListType?
    public var listStart: Int
    public var listDelimiter: ListDelimiter
    public var listTight: Bool
    /// Info string of a fenced code block; nil for an indented one.
    public var fenceInfo: String?
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
    public var parent: Int?
    public var children: [Int]
    /// One past the index of the node's last descendant: `index + 1 ..< subtreeEnd` is the subtree.
    public var subtreeEnd: Int

    init(kind: Kind) {
        self.kind = kind
        literal = []
        headingLevel = 0
        listStart = 0
        listDelimiter = .none
        listTight = false
        startLine = 0
        startColumn = 0
        endLine = 0
        endColumn = 0
        children = []
        subtreeEnd = 0
    }
}

public enum CommonMark {
    /// Registers the core extensions once per process (cmark-gfm's registration is not thread-safe).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `bytes` with `CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES`, the table, strikethrough and autolink
    /// extensions attached, and adjacent text nodes consolidated. Iterative: any nesting depth is safe.
    public static func parse(_ bytes: [UInt8]) -> MarkdownTree {
        parse(prefix: [], bytes)
    }

    /// Parses `prefix` followed by `bytes`, as one document, without joining them in memory.
    public static func parse(prefix: [UInt8], _ bytes: [UInt8]) -> MarkdownTree {
        _ = registered
        guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES) else {
            return MarkdownTree(nodes: [MarkdownNode(kind: .document)])
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
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
        guard let document = cmark_parser_finish(parser) else {
            return MarkdownTree(nodes: [MarkdownNode(kind: .document)])
        }
        defer { cmark_node_free(document) }
        cmark_consolidate_text_nodes(document)
        return MarkdownTree(nodes: copy(document))
    }

    private static func copy(_ document: OpaquePointer) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        var open: [Int] = []
        guard let iterator = cmark_iter_new(document) else { return [MarkdownNode(kind: .document)] }
        defer { cmark_iter_free(iterator) }
        // Counted first, so the array is allocated once.
        var count = 0
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER { count += 1 }
        }
        nodes.reserveCapacity(count)
        cmark_iter_reset(iterator, document, CMARK_EVENT_ENTER)
        var first = true
        while true {
            // After the reset the iterator stands on the document's enter event; the first read takes it.
            let event = first ? CMARK_EVENT_ENTER : cmark_iter_next(iterator)
            first = false
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                if let index = open.popLast() { nodes[index].subtreeEnd = nodes.count }
                continue
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            let index = nodes.count
            var value = describe(node)
            value.parent = open.last
            if let parent = open.last { nodes[parent].children.append(index) }
            value.subtreeEnd = index + 1
            nodes.append(value)
            // Leaves get no exit event (cmark's iterator rule).
            if !isLeaf(cmark_node_get_type(node)) { open.append(index) }
        }
        while let index = open.popLast() { nodes[index].subtreeEnd = nodes.count }
        return nodes
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

    private static func describe(_ node: OpaquePointer) -> MarkdownNode {
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
        default: kind = .extensionNode(string(cmark_node_get_type_string(node)) ?? "")
        }
        var value = MarkdownNode(kind: kind)
        switch kind {
        case .text, .code, .htmlInline, .htmlBlock, .codeBlock, .footnoteReference:
            if let literal = cmark_node_get_literal(node) {
                value.literal = Array(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
            }
        default: break
        }
        switch kind {
        case .link, .image:
            value.url = string(cmark_node_get_url(node))
            let title = string(cmark_node_get_title(node))
            value.title = title?.isEmpty == true ? nil : title
        case .heading:
            value.headingLevel = Int(cmark_node_get_heading_level(node))
        case .list:
            value.listType = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? .ordered : .bullet
            value.listStart = Int(cmark_node_get_list_start(node))
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
                value.fenceInfo = string(cmark_node_get_fence_info(node)) ?? ""
            }
        default: break
        }
        value.startLine = Int(cmark_node_get_start_line(node))
        value.startColumn = Int(cmark_node_get_start_column(node))
        value.endLine = Int(cmark_node_get_end_line(node))
        value.endColumn = Int(cmark_node_get_end_column(node))
        return value
    }
}

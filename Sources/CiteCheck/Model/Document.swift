/// The markup a post is written in.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case text, markdown, html

    /// The format a file's extension names: `.md`/`.markdown`/`.mdx` Markdown, `.html`/`.htm`/`.xhtml` HTML, anything else text.
    public init(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "md", "markdown", "mdown", "mkd", "mdx": self = .markdown
        case "html", "htm", "xhtml": self = .html
        default: self = .text
        }
    }
}

/// One block of a post's text, markup stripped: a heading, a paragraph, a list item, a footnote definition.
///
/// `text` is what a reader of the rendered post sees (entities decoded, tags removed, soft line breaks
/// kept as `\n`); `sourceMap` maps its UTF-8 offsets back to the file.
public struct TextBlock: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case heading(level: Int)
        case paragraph
        /// A list item; `marker` as written (`1.`, `1)`, `-`, `*`, `•`, `[1]`, `(1)`), nil for an HTML `<li>`
        /// whose number comes from its list (`ordinal` then says which).
        case listItem(marker: String?, ordinal: Int?)
        /// A Markdown footnote definition `[^name]: …`.
        case footnoteDefinition(name: String)
        /// Code blocks, HTML comments and the like: kept for positions, never read as prose or references.
        case code
        /// A Markdown link reference definition `[label]: url "title"`: `text` is its title (where citation
        /// tools keep the reference) and `links` holds its URL. Not rendered; never prose.
        case linkReferenceDefinition(label: String)
    }

    public var kind: Kind
    public var text: String
    public var sourceMap: SourceMap
    /// Where the block stands in the file.
    public var range: SourceRange
    /// UTF-8 ranges of `text` that were superscript in the markup (`<sup>1</sup>`, `^1^`): citation markers.
    public var superscripts: [Range<Int>]
    /// Indentation of the block's first line in the file, in columns (plain text uses it for hanging indents).
    public var indent: Int
    /// The block stands inside a block quote (`>` in Markdown, `<blockquote>` in HTML): its words, and any
    /// citation in them, belong to the quoted author.
    public var isQuoted: Bool
    /// For an item of an ordered list, the number a reader sees once the post is rendered (Markdown renumbers
    /// `1.` `1.` `1.` as 1, 2, 3; HTML `<ol>` counts its `<li>`); nil for anything else.
    public var renderedNumber: Int?
    /// The links in the block, in order, with the UTF-8 range of their visible text in `text`.
    public var links: [TextLink]

    public init(
        kind: Kind, text: String, sourceMap: SourceMap, range: SourceRange, superscripts: [Range<Int>] = [], indent: Int = 0,
        isQuoted: Bool = false, renderedNumber: Int? = nil, links: [TextLink] = []
    ) {
        self.kind = kind
        self.text = text
        self.sourceMap = sourceMap
        self.range = range
        self.superscripts = superscripts
        self.indent = indent
        self.isQuoted = isQuoted
        self.renderedNumber = renderedNumber
        self.links = links
    }
}

extension TextBlock {
    /// True for headings.
    public var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}

/// A link in a block's text: where its visible text stands, where it points, and its title when it has one.
public struct TextLink: Hashable, Sendable {
    /// UTF-8 range of the link's visible text in the block's (or entry's) text; empty for a link with no text.
    public var textRange: Range<Int>
    /// The destination as written (entities and escapes resolved).
    public var url: String
    public var title: String?

    public init(textRange: Range<Int>, url: String, title: String? = nil) {
        self.textRange = textRange
        self.url = url
        self.title = title
    }
}

/// A post, read: its source and its blocks in order.
public struct Document: Sendable {
    public var source: SourceFile
    public var format: InputFormat
    public var blocks: [TextBlock]
    /// Inline suppression comments found while reading (`<!-- citecheck-disable-next-line RULE -->` and the
    /// plain-text `citecheck-disable-next-line RULE`), in file order.
    public var directives: [SuppressionDirective]

    public init(source: SourceFile, format: InputFormat, blocks: [TextBlock], directives: [SuppressionDirective] = []) {
        self.source = source
        self.format = format
        self.blocks = blocks
        self.directives = directives
    }
}

/// An inline suppression comment in a post.
public struct SuppressionDirective: Hashable, Sendable {
    public enum Action: String, Hashable, Sendable {
        case disableNextLine = "disable-next-line"
        case disable
        case enable
    }

    public var action: Action
    /// The rule ids named; empty means every rule.
    public var rules: [String]
    /// The line the comment is on (1-based).
    public var line: Int
    /// Where the comment starts (`<!--`, or the first word of a plain-text directive).
    public var start: SourcePosition

    public init(action: Action, rules: [String], line: Int, start: SourcePosition? = nil) {
        self.action = action
        self.rules = rules
        self.line = line
        self.start = start ?? SourcePosition(line: line, column: 1)
    }
}

/// A reference list of a post: its heading (if any) and its entries, in order.
///
/// A post may hold several lists (footnotes and a References section, a reading list per section). The finder
/// returns each as a part, and the post's list as a whole: every part's entries in file order, numbered by
/// position, with `parts` holding the lists themselves.
public struct ReferenceList: Sendable {
    /// How a list was found.
    public enum Kind: String, Sendable, Hashable {
        /// Entries after a section heading (`References`, `Quellen`, `Further reading`, `Sources:`).
        case section
        /// Markdown footnote definitions (or HTML notes a superscript points at), wherever they stand.
        case footnotes
        /// Markdown link reference definitions whose titles hold citations.
        case linkDefinitions = "link-definitions"
        /// A run of citation-like paragraphs or items without a heading.
        case unheaded
        /// The source line that closes a block quote (`> — [Title](https://…)`, `> - https://…`).
        case quoteSources = "quote-sources"
        /// Several lists together (the post's list as a whole).
        case combined
    }

    /// The heading text as written (`References:`), nil when the list was found without one.
    public var heading: String?
    public var headingRange: SourceRange?
    public var entries: [ReferenceEntry]
    /// Index into `Document.blocks` of the first block after the heading that belongs to the list;
    /// blocks before it (and before the heading) are the post's body text.
    public var firstBlockIndex: Int
    /// Index into `Document.blocks` one past the last block of the list.
    public var endBlockIndex: Int
    public var kind: Kind
    /// The blocks the list occupies, its heading included: never read as the post's own text.
    public var blockRanges: [Range<Int>]
    /// For a combined list, the lists it joins, in file order; empty otherwise.
    public var parts: [ReferenceList]

    public init(
        heading: String?, headingRange: SourceRange?, entries: [ReferenceEntry], firstBlockIndex: Int, endBlockIndex: Int,
        kind: Kind = .section, blockRanges: [Range<Int>]? = nil, parts: [ReferenceList] = []
    ) {
        self.heading = heading
        self.headingRange = headingRange
        self.entries = entries
        self.firstBlockIndex = firstBlockIndex
        self.endBlockIndex = endBlockIndex
        self.kind = kind
        self.blockRanges = blockRanges ?? [firstBlockIndex..<max(firstBlockIndex, endBlockIndex)]
        self.parts = parts
    }
}

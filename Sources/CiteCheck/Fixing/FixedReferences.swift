extension FixedPost {
    /// The reference list of the fixed post, for the report of what is left: `old` (the original's list, as
    /// `Checker.references` read it) with the applied edits carried into each entry's text, source map, range and
    /// links, and only the edited entries parsed again. That equals reading and parsing the fixed file afresh, because
    /// an edit only ever replaces bytes the reader copied verbatim into one entry's text; when an edit could read
    /// differently once written (its replacement holds markup, white space the reader folds, a link address, or it
    /// stands at a link's edge), the fixed file is read and parsed afresh instead.
    public func references(updating old: [Reference], format: InputFormat, configuration: Configuration) throws(InputError) -> [Reference] {
        guard changed else { return old }
        if let carried = carried(old, format: format, limits: configuration.limits) { return carried }
        return try Checker.references(source: fixed, format: format, configuration: configuration)
    }

    /// One applied edit as it lands in an entry: its span in the entry's text (`derived`) and in the original text
    /// (`source`), and its replacement as written in the file and as the reader reads it.
    private struct EntryEdit {
        var derived: Range<Int>
        var source: Range<Int>
        var written: String
        var read: String
    }

    func carried(_ old: [Reference], format: InputFormat, limits: InputLimits) -> [Reference]? {
        let bom = original.byteOrderMarkLength
        let text = Array(original.text.utf8)
        let spans = old.map { $0.entry.sourceSpan }
        var byEntry: [Int: [EntryEdit]] = [:]
        for edit in edits {
            let source = (edit.bytes.lowerBound - bom)..<(edit.bytes.upperBound - bom)
            guard let read = Self.readText(of: edit.replacement, format: format) else { return nil }
            var owner: Int?
            for (k, span) in spans.enumerated() {
                // An entry whose bytes cannot be told might hold the edit.
                guard let span else { return nil }
                guard source.lowerBound <= span.upperBound, span.lowerBound <= source.upperBound else { continue }
                guard owner == nil, let derived = old[k].entry.derivedRange(ofSource: source, in: text) else { return nil }
                owner = k
                byEntry[k, default: []].append(EntryEdit(derived: derived, source: source, written: edit.replacement, read: read))
            }
        }
        let map = OffsetMap(edits: edits)
        let moved = { (offset: Int, end: Bool) in map.new(offset + bom, end: end) - bom }
        let parser = ReferenceParser()
        var references = old
        for k in references.indices {
            var entry = old[k].entry
            let start = moved(original.offset(of: entry.range.start), false)
            let end = moved(original.offset(of: entry.range.end), true)
            entry.range = fixed.range(of: start..<max(start, end))
            guard let entryEdits = byEntry[k] else {
                entry.sourceMap = SourceMap(anchors: entry.sourceMap.anchors.map { .init(derived: $0.derived, source: moved($0.source, false)) })
                references[k].entry = entry
                continue
            }
            guard let updated = Self.apply(entryEdits.sorted { $0.derived.lowerBound < $1.derived.lowerBound }, to: entry, moved: moved)
            else { return nil }
            references[k] = Checker.reference(updated, parser: parser, limits: limits)
        }
        Checker.resolveIbid(&references, changed: Set(byEntry.keys))
        return references
    }

    /// `entry` with `edits` (sorted, in its text) applied: text, links and source map; nil when an edit stands at a
    /// link's edge, or inside a link whose address or title may hold it.
    private static func apply(_ edits: [EntryEdit], to entry: ReferenceEntry, moved: (Int, Bool) -> Int) -> ReferenceEntry? {
        var entry = entry
        let text = Array(entry.text.utf8)
        // How far a derived offset of the old text moves: by every edit that ends before it (an insertion at the
        // offset itself goes before it).
        func shifted(_ offset: Int) -> Int {
            var shift = 0
            for edit in edits where edit.derived.isEmpty ? edit.derived.lowerBound < offset : edit.derived.upperBound <= offset {
                shift += edit.read.utf8.count - edit.derived.count
            }
            return offset + shift
        }
        for link in entry.links {
            for edit in edits {
                let d = edit.derived
                let touchesEdge =
                    d.isEmpty
                    ? d.lowerBound == link.textRange.lowerBound || d.lowerBound == link.textRange.upperBound
                    : (d.lowerBound < link.textRange.lowerBound && link.textRange.lowerBound < d.upperBound)
                        || (d.lowerBound < link.textRange.upperBound && link.textRange.upperBound < d.upperBound)
                if touchesEdge { return nil }
                let inside = link.textRange.lowerBound <= d.lowerBound && d.upperBound <= link.textRange.upperBound
                // A link whose address or title holds the edited text (an autolink, a link definition's title) reads anew.
                if inside, link.title != nil || (!d.isEmpty && link.url.contains(String(decoding: text[d], as: UTF8.self))) { return nil }
            }
        }
        entry.links = entry.links.map { link in
            var link = link
            link.textRange = shifted(link.textRange.lowerBound)..<shifted(link.textRange.upperBound)
            return link
        }
        let newText = text.splicing(edits, range: \.derived, text: \.read)
        entry.text = String(decoding: newText, as: UTF8.self)
        var anchors: [SourceMap.Anchor] = []
        for anchor in entry.sourceMap.anchors {
            // An anchor inside a replaced span marks nothing any more (the span was verbatim).
            if edits.contains(where: { !$0.derived.isEmpty && $0.derived.lowerBound < anchor.derived && anchor.derived < $0.derived.upperBound }) {
                continue
            }
            anchors.append(.init(derived: shifted(anchor.derived), source: moved(anchor.source, false)))
        }
        // Within a replacement the reader reads differently from what is written (`&amp;` read as `&`): an anchor after
        // each such piece.
        for edit in edits where edit.read != edit.written {
            let derivedStart = shifted(edit.derived.lowerBound)
            let sourceStart = moved(edit.source.lowerBound, false)
            for (read, written) in Self.pieces(of: edit.written) {
                anchors.append(.init(derived: derivedStart + read, source: sourceStart + written))
            }
        }
        anchors.sort { $0.derived < $1.derived }
        var map = SourceMap()
        for anchor in anchors { map.append(derived: anchor.derived, source: anchor.source) }
        entry.sourceMap = map
        return entry
    }

    /// The replacement as the reader of `format` reads it once written, or nil when that is not certain: white space
    /// it may fold, an address an autolink would take, Markdown that is not plain text, or (in HTML) the entities the
    /// fixes escape, which read as their characters.
    static func readText(of replacement: String, format: InputFormat) -> String? {
        if replacement.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) || replacement.contains("  ") || replacement.contains("://")
            || replacement.lowercased().contains("www.")
        {
            return nil
        }
        switch format {
        case .text:
            return replacement
        case .markdown:
            return replacement.contains(where: { "*_`[]<>\\&~|@!#".contains($0) }) ? nil : replacement
        case .html:
            guard !replacement.contains(where: { $0 == "<" || $0 == ">" }) else { return nil }
            var read = ""
            var rest = Substring(replacement)
            while let amp = rest.firstIndex(of: "&") {
                read += rest[..<amp]
                let tail = rest[amp...]
                if tail.hasPrefix("&amp;") {
                    read += "&"
                } else if tail.hasPrefix("&lt;") {
                    read += "<"
                } else if tail.hasPrefix("&gt;") {
                    read += ">"
                } else {
                    return nil
                }
                rest = tail[(tail.firstIndex(of: ";").map(tail.index(after:)) ?? tail.endIndex)...]
            }
            return read + rest
        }
    }

    /// After each entity of an escaped replacement: its offset as read and as written.
    private static func pieces(of written: String) -> [(read: Int, written: Int)] {
        var result: [(read: Int, written: Int)] = []
        let bytes = Array(written.utf8)
        var read = 0
        var k = 0
        while k < bytes.count {
            if bytes[k] == UInt8(ascii: "&"), let semicolon = bytes[k...].firstIndex(of: UInt8(ascii: ";")) {
                k = semicolon + 1
                read += 1
                result.append((read, k))
            } else {
                k += 1
                read += 1
            }
        }
        return result
    }
}

extension ReferenceEntry {
    /// The original text's bytes the entry's text was read from: from the first to just after the last byte any piece
    /// of its text was copied from (a link address the reader appends stands before the link's text); nil for an empty
    /// entry.
    var sourceSpan: Range<Int>? {
        let length = text.utf8.count
        guard length > 0 else { return nil }
        let anchors = sourceMap.anchors.isEmpty ? [SourceMap.Anchor(derived: 0, source: 0)] : sourceMap.anchors
        var lower = Int.max
        var upper = Int.min
        for (k, anchor) in anchors.enumerated() where anchor.derived < length {
            let pieceEnd = k + 1 < anchors.count ? min(anchors[k + 1].derived, length) : length
            lower = min(lower, anchor.source)
            upper = max(upper, anchor.source + max(0, pieceEnd - anchor.derived))
        }
        return lower <= upper ? lower..<upper : nil
    }

    /// The span of the entry's text that was copied verbatim from the original text's bytes `source` (`text`), or nil
    /// when those bytes are not one verbatim piece of the entry. An insertion (`source` empty) at the entry's last byte
    /// lands at the text's end.
    func derivedRange(ofSource source: Range<Int>, in original: [UInt8]) -> Range<Int>? {
        let derived = Array(text.utf8)
        guard !derived.isEmpty else { return nil }
        let anchors = sourceMap.anchors.isEmpty ? [SourceMap.Anchor(derived: 0, source: 0)] : sourceMap.anchors
        // The last anchor at or before the span's start whose piece reaches it.
        var start: Int?
        for (k, anchor) in anchors.enumerated() where anchor.source <= source.lowerBound {
            let candidate = anchor.derived + (source.lowerBound - anchor.source)
            let pieceEnd = k + 1 < anchors.count ? anchors[k + 1].derived : derived.count
            if candidate < pieceEnd || (candidate == derived.count && pieceEnd == derived.count) { start = candidate }
        }
        guard let start, start >= 0, start <= derived.count else { return nil }
        let end = start + source.count
        guard end <= derived.count, sourceMap.sourceOffset(forDerived: start) == source.lowerBound else { return nil }
        if source.isEmpty {
            // An insertion: at the text's end, only right after its last byte.
            if start == derived.count { return sourceMap.sourceOffset(forDerived: start - 1) + 1 == source.lowerBound ? start..<start : nil }
            return start..<start
        }
        guard sourceMap.sourceOffset(forDerived: end - 1) + 1 == source.upperBound, source.upperBound <= original.count,
            derived[start..<end].elementsEqual(original[source])
        else { return nil }
        return start..<end
    }
}

/// Which fixes a run applies: `--fix` the safe ones, `--fix --unsafe-fixes` every one.
public enum FixSelection: Sendable, Hashable {
    case safe
    case all

    public func admits(_ fix: Fix) -> Bool {
        self == .all || fix.safety == .safe
    }
}

/// A post with fixes applied: the new bytes, which findings were fixed, and the findings that are left, moved to
/// where they stand in the new text.
public struct FixedPost: Sendable {
    /// The file's bytes as stored, after the edits (a byte order mark kept).
    public var bytes: [UInt8]
    /// The source as it was read.
    public var original: SourceFile
    /// The fixed source; equal to `original` when nothing was fixed.
    public var fixed: SourceFile
    /// The findings whose fixes were applied, as reported before fixing.
    public var fixedDiagnostics: [Diagnostic]
    /// The other findings, positioned in the fixed text. A fix that touched an applied edit's bytes is dropped.
    public var remaining: [Diagnostic]
    /// The edits applied, in file order, on the original's bytes.
    public var edits: [TextEdit]

    public var changed: Bool { !edits.isEmpty }
}

/// Applies fixes to a post's bytes. Only the bytes of the applied edits change: every other byte (line endings,
/// a byte order mark, trailing white space, the final newline) is copied as it was.
public enum FixApplier {
    /// Applies the fixes of `diagnostics` that `selection` admits, in file order; a fix any of whose edits
    /// overlaps an edit already taken is left for a later run (its finding stays in `remaining`). Two findings
    /// with the same edits are fixed together.
    public static func apply(_ diagnostics: [Diagnostic], to source: SourceFile, selection: FixSelection) -> FixedPost {
        let storedLength = source.byteOrderMarkLength + source.text.utf8.count
        var taken: [TextEdit] = []
        var fixedIndices = Set<Int>()
        let order = diagnostics.indices.filter { diagnostics[$0].fix.map(selection.admits) ?? false }
            .sorted { (diagnostics[$0].fix!.edits.first?.bytes.lowerBound ?? 0) < (diagnostics[$1].fix!.edits.first?.bytes.lowerBound ?? 0) }
        for index in order {
            let edits = diagnostics[index].fix!.edits
            guard !edits.isEmpty, edits.allSatisfy({ $0.bytes.lowerBound >= source.byteOrderMarkLength && $0.bytes.upperBound <= storedLength })
            else { continue }
            if edits.allSatisfy({ edit in taken.contains(edit) }) {
                fixedIndices.insert(index)
                continue
            }
            let overlaps = edits.contains { edit in taken.contains { Self.overlap($0.bytes, edit.bytes) } }
            if overlaps { continue }
            taken += edits
            fixedIndices.insert(index)
        }
        taken.sort { $0.bytes.lowerBound < $1.bytes.lowerBound }
        guard !taken.isEmpty else {
            return FixedPost(bytes: source.storedBytes, original: source, fixed: source, fixedDiagnostics: [], remaining: diagnostics, edits: [])
        }
        let bytes = source.storedBytes.splicing(taken, range: \.bytes, text: \.replacement)
        // The edits only ever put valid UTF-8 in place of whole scalars, so the new text decodes.
        let fixed = (try? SourceFile(path: source.path, bytes: bytes)) ?? source
        let map = OffsetMap(edits: taken)
        var remaining: [Diagnostic] = []
        for (index, diagnostic) in diagnostics.enumerated() where !fixedIndices.contains(index) {
            var moved = diagnostic
            let bom = source.byteOrderMarkLength
            let start = map.new(source.offset(of: diagnostic.range.start) + bom, end: false) - bom
            let end = map.new(source.offset(of: diagnostic.range.end) + bom, end: true) - bom
            moved.range = fixed.range(of: start..<max(start, end))
            if let fix = diagnostic.fix {
                if fix.edits.contains(where: { edit in taken.contains { Self.overlap($0.bytes, edit.bytes) } }) {
                    moved.fix = nil
                } else {
                    moved.fix?.edits = fix.edits.map { edit in
                        let lower = map.new(edit.bytes.lowerBound, end: false)
                        let upper = map.new(edit.bytes.upperBound, end: true)
                        return fixed.textEdit((lower - bom)..<(upper - bom), replacement: edit.replacement)
                    }
                }
            }
            remaining.append(moved)
        }
        return FixedPost(
            bytes: bytes, original: source, fixed: fixed, fixedDiagnostics: fixedIndices.sorted().map { diagnostics[$0] },
            remaining: remaining, edits: taken
        )
    }

    /// Byte spans that share a byte, or two insertions at one place.
    static func overlap(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        if a.isEmpty || b.isEmpty {
            return a.lowerBound == b.lowerBound || (a.lowerBound > b.lowerBound && a.lowerBound < b.upperBound) || (b.lowerBound > a.lowerBound && b.lowerBound < a.upperBound)
        }
        return a.lowerBound < b.upperBound && b.lowerBound < a.upperBound
    }
}

/// Maps byte offsets of a file before edits to offsets after them.
struct OffsetMap {
    /// Sorted, non-overlapping edits: old span and new length.
    private var spans: [(old: Range<Int>, newLength: Int)]

    init(edits: [TextEdit]) {
        spans = edits.map { ($0.bytes, $0.replacement.utf8.count) }
    }

    /// The new offset of old offset `offset`. An offset inside an edited span goes to the start of its
    /// replacement, or (for `end`) to its end.
    func new(_ offset: Int, end: Bool) -> Int {
        var shift = 0
        for span in spans {
            if span.old.upperBound <= offset && !(span.old.isEmpty && span.old.lowerBound == offset && !end) {
                shift += span.newLength - span.old.count
                continue
            }
            if span.old.lowerBound < offset {
                return span.old.lowerBound + shift + (end ? span.newLength : 0)
            }
            break
        }
        return offset + shift
    }
}

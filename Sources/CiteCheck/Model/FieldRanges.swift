/// Where each field of a reference was found, as UTF-8 byte ranges in its text: a dictionary from field to range
/// for the few fields a reference has, kept as a short array in field order (the parser fills one for every
/// reference it reads, and a hash table per reference was a measurable share of parsing).
public struct FieldRanges: Hashable, Sendable, Codable, ExpressibleByDictionaryLiteral {
    struct Entry: Hashable, Sendable, Codable {
        var field: ReferenceField
        var range: Range<Int>
    }

    /// At most one entry per field, sorted by `ReferenceField.position`, so equal contents compare equal.
    private var entries: [Entry] = []

    public init() {}

    public init(dictionaryLiteral elements: (ReferenceField, Range<Int>)...) {
        for (field, range) in elements { self[field] = range }
    }

    public subscript(field: ReferenceField) -> Range<Int>? {
        get {
            for entry in entries where entry.field == field { return entry.range }
            return nil
        }
        set {
            let position = field.position
            var index = 0
            while index < entries.count, entries[index].field.position < position { index += 1 }
            let present = index < entries.count && entries[index].field == field
            switch (newValue, present) {
            case (let range?, true): entries[index].range = range
            case (let range?, false):
                if entries.isEmpty { entries.reserveCapacity(8) }
                entries.insert(Entry(field: field, range: range), at: index)
            case (nil, true): entries.remove(at: index)
            case (nil, false): break
            }
        }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// Coded as the `[ReferenceField: Range<Int>]` it replaces was: one flat list of field, range, field, range…
    /// (what `bench/verify-accuracy.py` writes and the JSON of a parsed reference has always held).
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        while !container.isAtEnd {
            let field = try container.decode(ReferenceField.self)
            self[field] = try container.decode(Range<Int>.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for entry in entries {
            try container.encode(entry.field)
            try container.encode(entry.range)
        }
    }
}

extension FieldRanges: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: ReferenceField, value: Range<Int>)> {
        entries.lazy.map { (key: $0.field, value: $0.range) }.makeIterator()
    }
}

extension ReferenceField {
    /// The field's place in `allCases`, for ordering.
    var position: Int {
        switch self {
        case .authors: 0
        case .title: 1
        case .journal: 2
        case .year: 3
        case .month: 4
        case .epubYear: 5
        case .volume: 6
        case .issue: 7
        case .supplement: 8
        case .pages: 9
        case .doi: 10
        case .pmid: 11
        case .pmcid: 12
        case .url: 13
        }
    }
}

internal import Foundation
internal import TOMLKit

/// Finds and reads `.citecheck.toml` files.
///
/// ```toml
/// style = "vancouver"            # or ama, apa, harvard, nature, plos, chicago, any (the default)
/// headings = ["Quellen", "Further reading"]
/// exclude = ["drafts/**", "archive/**"]   # posts a folder walk skips, relative to this file
/// verify = false
/// email = "me@example.org"
/// index = "pubmed.sqlite"         # a MEDLINE index (`citecheck index build`), relative to this file's folder
///
/// [rules]
/// RULE-ID = "off"                  # a rule id of `citecheck rules`: error | warning | info | off
///
/// [limits]                         # see docs/limits.md; the command line's --max-… options win
/// max-file-size = 67108864         # bytes
/// max-entries = 100000
/// max-entry-length = 65536         # bytes
/// ```
public enum ConfigurationLoader {
    /// The file name looked for.
    public static let fileName = ".citecheck.toml"

    /// The top-level keys a configuration file may hold.
    public static let knownKeys = ["rules", "headings", "style", "verify", "email", "index", "limits", "exclude"]

    /// The keys of the `[limits]` table, and the limit each sets.
    static let limitKeys: [(key: String, limit: any WritableKeyPath<InputLimits, Int> & Sendable)] = [
        ("max-file-size", \.maxFileSize), ("max-entries", \.maxEntries), ("max-entry-length", \.maxEntryLength),
    ]

    /// The nearest `.citecheck.toml` in `directory` or a folder above it, stopping at the filesystem root.
    public static func discover(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        let fileManager = FileManager.default
        while true {
            let candidate = url.appendingPathComponent(fileName).path
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            let parent = url.deletingLastPathComponent().standardizedFileURL
            if parent.path == url.path || url.path == "/" { return nil }
            url = parent
        }
    }

    /// The configuration for a post at `postPath`: `explicitPath` when given (`--config`), else the nearest
    /// `.citecheck.toml` above the post (above the working directory for standard input `-`), else the defaults.
    public static func configuration(forPost postPath: String, explicitPath: String? = nil) throws(ConfigurationError) -> Configuration {
        if let explicitPath { return try load(path: explicitPath) }
        let directory: String
        if postPath == "-" {
            directory = FileManager.default.currentDirectoryPath
        } else {
            directory = URL(fileURLWithPath: postPath).deletingLastPathComponent().path
        }
        guard let found = discover(from: directory) else { return .default }
        return try load(path: found)
    }

    /// Reads and checks the configuration file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, message: "cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, message: "the configuration file is not valid UTF-8")
        }
        return try parse(text, path: path)
    }

    /// Parses configuration text; `path` names the file in errors.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(path: path, line: error.source.begin.line, message: "invalid TOML: \(error.description)")
        } catch {
            throw ConfigurationError(path: path, message: "invalid TOML: \(error)")
        }
        let lines = KeyLines(text: text)
        var configuration = Configuration(path: path)

        for key in lines.inFileOrder(table.keys) {
            guard let value = table[key] else { continue }
            let line = lines.line(of: key)
            func fail(_ message: String, at line: Int? = line) -> ConfigurationError {
                ConfigurationError(path: path, line: line, message: message)
            }
            switch key {
            case "rules":
                guard let rules = value.table else { throw fail("`rules` must be a table: [rules]") }
                for id in lines.inFileOrder(rules.keys, in: "rules") {
                    let ruleLine = lines.line(of: id, in: "rules")
                    guard let text = rules[id]?.string, let setting = Configuration.RuleSetting(text) else {
                        throw fail("rule `\(id)` must be \"error\", \"warning\", \"info\" or \"off\"", at: ruleLine)
                    }
                    guard RuleRegistry.description(id: id) != nil else {
                        // `UnknownRuleRule` reports it with the nearest ids: not an error that stops the run.
                        configuration.unknownRules.append(UnknownRuleSetting(id: id, line: ruleLine))
                        continue
                    }
                    configuration.rules[id] = setting
                }
            case "headings":
                guard let array = value.array else { throw fail("`headings` must be a list of strings, like headings = [\"Sources\"]") }
                var headings: [String] = []
                for element in array {
                    guard let heading = element.string, !heading.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw fail("`headings` must be a list of non-empty strings")
                    }
                    headings.append(heading)
                }
                configuration.headings = headings
            case "exclude":
                guard let array = value.array else { throw fail("`exclude` must be a list of glob patterns, like exclude = [\"drafts/**\"]") }
                var patterns: [String] = []
                for element in array {
                    guard let pattern = element.string, !pattern.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw fail("`exclude` must be a list of non-empty glob patterns")
                    }
                    patterns.append(pattern)
                }
                configuration.exclude = patterns
            case "style":
                guard let name = value.string, let style = Configuration.StylePreference(name) else {
                    throw fail("`style` must be one of \(Configuration.StylePreference.names.map { "\"\($0)\"" }.joined(separator: ", "))")
                }
                configuration.style = style
            case "verify":
                guard let flag = value.bool else { throw fail("`verify` must be true or false") }
                configuration.verify = flag
            case "email":
                guard let email = value.string, email.contains("@") else { throw fail("`email` must be an e-mail address in quotes") }
                configuration.email = email
            case "index":
                guard let index = value.string, !index.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw fail("`index` must be the path of a citecheck index file in quotes")
                }
                configuration.index =
                    index.hasPrefix("/")
                    ? index : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(index).path
            case "limits":
                guard let limits = value.table else { throw fail("`limits` must be a table: [limits]") }
                let names = limitKeys.map(\.key)
                for name in lines.inFileOrder(limits.keys, in: "limits") {
                    let limitLine = lines.line(of: name, in: "limits")
                    guard let limit = limitKeys.first(where: { $0.key == name })?.limit else {
                        throw fail("unknown limit `\(name)` in [limits]\(suggestion(for: name, among: names)); known: \(names.joined(separator: ", "))", at: limitLine)
                    }
                    guard let number = limits[name]?.int, number > 0 else {
                        throw fail("limit `\(name)` must be a positive whole number", at: limitLine)
                    }
                    configuration.limits[keyPath: limit] = number
                }
            default:
                throw fail("unknown key `\(key)`\(suggestion(for: key, among: knownKeys)); known keys: \(knownKeys.joined(separator: ", "))")
            }
        }
        return configuration
    }

    /// The known names closest to `name` (by edit distance, at most `count`, only reasonably close ones), nearest first.
    public static func nearest(_ name: String, among candidates: [String], count: Int = 3) -> [String] {
        let limit = max(3, name.count / 2)
        var scored: [(name: String, distance: Int)] = []
        for candidate in candidates {
            let distance = editDistance(name, candidate)
            if distance <= limit { scored.append((candidate, distance)) }
        }
        scored.sort { lhs, rhs in lhs.distance != rhs.distance ? lhs.distance < rhs.distance : lhs.name < rhs.name }
        return scored.prefix(count).map { $0.name }
    }

    /// `; did you mean \`x\`?` for a close known name, else empty.
    static func suggestion(for name: String, among candidates: [String]) -> String {
        let best = candidates.map { ($0, editDistance(name, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, name.count / 4) else { return "" }
        return " (did you mean `\(best.0)`?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// Finds the line a key is defined on: TOMLKit reports lines only for syntax errors, so errors about values
/// find their line by reading the file's `[table]` headers and `key =` lines.
struct KeyLines {
    /// (table, key, line), table "" for the top level.
    private var entries: [(table: String, key: String, line: Int)] = []

    init(text: String) {
        var table = ""
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = KeyLines.unquote(String(name).trimmingCharacters(in: .whitespaces))
                entries.append((table: "", key: table, line: lineNumber))
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = KeyLines.unquote(String(line[..<equals]).trimmingCharacters(in: .whitespaces))
            if table.isEmpty, let dot = key.firstIndex(of: "."), !key.hasPrefix("\"") {
                // Dotted key at the top level: `rules.RULE-ID = "off"`.
                let outer = String(key[..<dot])
                entries.append((table: "", key: outer, line: lineNumber))
                entries.append((table: outer, key: String(key[key.index(after: dot)...]), line: lineNumber))
            } else {
                entries.append((table: table, key: key, line: lineNumber))
            }
        }
    }

    /// `keys` of `table` in the order the file defines them (TOMLKit's order is not the file's).
    func inFileOrder(_ keys: some Sequence<String>, in table: String = "") -> [String] {
        keys.sorted { line(of: $0, in: table) ?? 0 < line(of: $1, in: table) ?? 0 }
    }

    /// The first line defining `key` in `table`.
    func line(of key: String, in table: String = "") -> Int? {
        entries.first { $0.table == table && $0.key == key }?.line
    }

    private static func unquote(_ text: String) -> String {
        if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}

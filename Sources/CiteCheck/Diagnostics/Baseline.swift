internal import Foundation

/// The findings a site has accepted for now (`--write-baseline FILE`), so that a later run (`--baseline FILE`)
/// reports only new ones. A finding is matched by rule, file and fingerprint (``FindingFingerprint``: the
/// finding's own text, not its line), counted, so that a second copy of a known finding is new. Files are named
/// relative to the baseline file's folder, so the run may start in another folder.
///
/// ```json
/// {"version": 1, "findings": [{"rule": "…", "file": "posts/a.md", "fingerprint": "…", "message": "…"}]}
/// ```
public struct Baseline: Sendable, Equatable {
    public struct Key: Hashable, Sendable {
        public var rule: String
        public var file: String
        public var fingerprint: String
    }

    /// How many findings of each key the baseline accepts.
    public private(set) var counts: [Key: Int] = [:]
    /// Messages of the recorded findings, for a person reading the file.
    private var entries: [(key: Key, message: String)] = []

    public static func == (lhs: Baseline, rhs: Baseline) -> Bool { lhs.counts == rhs.counts }

    /// The baseline of `reports`, for a file in `folder`.
    public init(reports: [FileReport], folder: String) {
        for report in reports {
            for diagnostic in report.diagnostics {
                let key = Self.key(diagnostic, folder: folder)
                counts[key, default: 0] += 1
                entries.append((key, diagnostic.message))
            }
        }
    }

    /// Reads a baseline file. A file that cannot be read or is not a citecheck baseline throws a one-line error.
    public static func load(path: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw BaselineError(path: path, message: "cannot read the baseline file") }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any], root["version"] as? Int == 1,
            let findings = root["findings"] as? [[String: Any]]
        else {
            throw BaselineError(path: path, message: "not a citecheck baseline (write one with --write-baseline)")
        }
        var baseline = Baseline(reports: [], folder: "/")
        for (index, finding) in findings.enumerated() {
            guard let rule = finding["rule"] as? String, let file = finding["file"] as? String,
                let fingerprint = finding["fingerprint"] as? String
            else {
                throw BaselineError(path: path, message: "finding \(index + 1) lacks its rule, file or fingerprint")
            }
            let key = Key(rule: rule, file: file, fingerprint: fingerprint)
            baseline.counts[key, default: 0] += 1
            baseline.entries.append((key, finding["message"] as? String ?? ""))
        }
        return baseline
    }

    /// The file's text: findings sorted by file, rule and fingerprint, one per line.
    public func serialized() -> String {
        let sorted = entries.sorted { ($0.key.file, $0.key.rule, $0.key.fingerprint) < ($1.key.file, $1.key.rule, $1.key.fingerprint) }
        let findings = sorted.map { entry in
            JSONValue.object([
                ("rule", .string(entry.key.rule)), ("file", .string(entry.key.file)),
                ("fingerprint", .string(entry.key.fingerprint)), ("message", .string(entry.message)),
            ]).serialized(pretty: false)
        }
        var out = "{\n  \"version\": 1,\n  \"tool\": \"citecheck\",\n  \"findings\": ["
        out += findings.isEmpty ? "]\n}\n" : "\n    " + findings.joined(separator: ",\n    ") + "\n  ]\n}\n"
        return out
    }

    /// `reports` without the findings this baseline accepts, and how many were hidden. The baseline file is in
    /// `folder`.
    public func filter(_ reports: [FileReport], folder: String) -> (reports: [FileReport], hidden: Int) {
        var left = counts
        var hidden = 0
        let filtered = reports.map { report in
            var report = report
            report.diagnostics = report.diagnostics.filter { diagnostic in
                let key = Self.key(diagnostic, folder: folder)
                guard let count = left[key], count > 0 else { return true }
                left[key] = count - 1
                hidden += 1
                return false
            }
            return report
        }
        return (filtered, hidden)
    }

    static func key(_ diagnostic: Diagnostic, folder: String) -> Key {
        Key(rule: diagnostic.rule, file: relativePath(diagnostic.file, to: folder), fingerprint: diagnostic.fingerprint ?? "")
    }

    /// `path` relative to `folder` when it lies below it, else absolute; `-` (standard input) as it is.
    static func relativePath(_ path: String, to folder: String) -> String {
        if path == "-" { return path }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: folder).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}

/// A baseline file that cannot be used: one line naming the file.
public struct BaselineError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}

/// One self-contained page for a person: each post's findings grouped by severity, then its reference list with
/// each finding under the entry it is about (what the post says, what PubMed says, a link to the record). No
/// script, no external style sheet, font or image; readable on a phone. The page is well-formed XML as well as
/// HTML, so any XML parser can read it back.
public struct HTMLReporter: Reporter {
    public init() {}

    public func render(_ reports: [FileReport]) -> String {
        let summary = RunSummary(reports)
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>citecheck: \(Self.escape(summary.line))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>citecheck report</h1>
            <p class="summary">\(Self.escape(summary.line))</p>

            """
        for report in reports {
            out += section(report)
        }
        out += "</body>\n</html>\n"
        return out
    }

    private func section(_ report: FileReport) -> String {
        let counts = RunSummary([report])
        var out = "<section class=\"post\">\n<h2>\(Self.escape(report.path))</h2>\n"
        out +=
            "<p class=\"summary\">\(Self.escape("\(RunSummary.count(counts.errors, "error")), \(RunSummary.count(counts.warnings, "warning")), \(RunSummary.count(counts.infos, "info"))"))</p>\n"
        for severity in [Severity.error, .warning, .info] {
            let group = report.diagnostics.filter { $0.severity == severity }
            guard !group.isEmpty else { continue }
            out += "<h3>\(Self.heading(severity)) (\(group.count))</h3>\n<ul class=\"findings\">\n"
            for diagnostic in group { out += finding(diagnostic, report: report, quoteEntry: true) }
            out += "</ul>\n"
        }
        if !report.references.isEmpty {
            out += "<h3>References (\(report.references.count))</h3>\n<ol class=\"references\">\n"
            for reference in report.references {
                let index = reference.entry.index
                let findings = report.diagnostics.filter { $0.reference == index }
                let worst = findings.map(\.severity).max()
                let status = report.verifications[index].map { " data-pubmed=\"\(Self.escape($0.status.rawValue))\"" } ?? ""
                out += "<li id=\"\(Self.anchor(report.path, index))\" class=\"reference \(worst.map(Self.cssClass) ?? "clean")\"\(status)>\n"
                out +=
                    "<p class=\"entry\"><span class=\"where\">\(Self.escape(reference.entry.label ?? "\(index)")) line \(reference.entry.range.start.line)</span> \(Self.escape(reference.entry.text))</p>\n"
                if let verification = report.verifications[index], verification.status == .matched, let pmid = verification.pmids.first {
                    out += "<p class=\"pubmed\">PubMed: \(Self.pubmedLink(pmid))</p>\n"
                }
                if !findings.isEmpty {
                    out += "<ul class=\"findings\">\n"
                    for diagnostic in findings { out += finding(diagnostic, report: report, quoteEntry: false) }
                    out += "</ul>\n"
                }
                out += "</li>\n"
            }
            out += "</ol>\n"
        }
        out += "</section>\n"
        return out
    }

    private func finding(_ diagnostic: Diagnostic, report: FileReport, quoteEntry: Bool) -> String {
        var out = "<li class=\"finding \(Self.cssClass(diagnostic.severity))\" data-rule=\"\(Self.escape(diagnostic.rule))\""
        out += " data-line=\"\(diagnostic.range.start.line)\" data-column=\"\(diagnostic.range.start.column)\">\n"
        out += "<p><span class=\"where\">line \(diagnostic.range.start.line):\(diagnostic.range.start.column)</span> "
        out += "<span class=\"severity\">\(Self.escape(diagnostic.severity.rawValue))</span> \(Self.escape(diagnostic.message)) "
        out += "<code class=\"rule\">\(Self.escape(diagnostic.rule))</code></p>\n"
        if diagnostic.found != nil || diagnostic.expected != nil {
            let source = diagnostic.rule.hasPrefix("pubmed-") ? "PubMed says" : "Should be"
            out += "<dl class=\"values\">"
            if let found = diagnostic.found { out += "<dt>The post says</dt><dd>\(Self.escape(found))</dd>" }
            if let expected = diagnostic.expected { out += "<dt>\(source)</dt><dd>\(Self.escape(expected))</dd>" }
            out += "</dl>\n"
        }
        if let pmid = diagnostic.pmid { out += "<p class=\"pubmed\">Record: \(Self.pubmedLink(pmid))</p>\n" }
        if quoteEntry, let index = diagnostic.reference, let reference = report.reference(index) {
            out += "<p class=\"quote\"><a href=\"#\(Self.anchor(report.path, index))\">\(Self.escape(reference.entry.label ?? "reference \(index)"))</a>: "
            out += "\(Self.escape(String(reference.entry.text.prefix(300))))</p>\n"
        }
        out += "</li>\n"
        return out
    }

    static func heading(_ severity: Severity) -> String {
        switch severity {
        case .error: "Errors"
        case .warning: "Warnings"
        case .info: "Information"
        }
    }

    static func cssClass(_ severity: Severity) -> String { severity.rawValue }

    static func pubmedLink(_ pmid: String) -> String {
        let escaped = escape(pmid)
        return "<a href=\"https://pubmed.ncbi.nlm.nih.gov/\(escaped)/\">PMID \(escaped)</a>"
    }

    /// An id for a post's entry, unique in the page.
    static func anchor(_ path: String, _ index: Int) -> String {
        var id = "ref-"
        for scalar in path.unicodeScalars {
            id += scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? String(scalar) : "-"
        }
        return id + "-\(index)"
    }

    /// Text for an element or attribute: `& < > " '` escaped; characters XML forbids dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let style = """
        body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:50rem;padding:1rem;color:#1b1b1b;background:#fff}\
        h1{font-size:1.5rem}h2{font-size:1.2rem;word-break:break-all;border-bottom:1px solid #ccc}h3{font-size:1rem}\
        ul,ol{padding-left:1.2rem}li{margin:.5rem 0}.where{color:#555;font-size:.85em}code{font-size:.85em}\
        .finding{border-left:4px solid #999;padding-left:.5rem;list-style:none}.finding.error{border-color:#c62828}\
        .finding.warning{border-color:#ef6c00}.finding.info{border-color:#1565c0}.severity{font-weight:600}\
        .reference.error>.entry{background:#fdecea}.reference.warning>.entry{background:#fff4e5}\
        .values{display:grid;grid-template-columns:max-content 1fr;gap:0 .75rem;margin:.25rem 0}.values dt{color:#555}.values dd{margin:0}\
        .quote{color:#444;font-size:.9em}.entry{overflow-wrap:anywhere}\
        @media (prefers-color-scheme:dark){body{background:#121212;color:#e6e6e6}.where,.values dt,.quote{color:#aaa}\
        .reference.error>.entry{background:#3b1d1d}.reference.warning>.entry{background:#3b2e1a}a{color:#8ab4f8}}
        """
}

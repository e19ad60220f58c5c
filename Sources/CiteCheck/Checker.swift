/// The offline pipeline for one post: read → find the reference list → parse each entry → lint.
public enum Checker {
    /// Checks one post. `currentYear` is injectable for tests; PubMed verification (issue 4) runs after this and
    /// passes its findings through `Linter.finalize` so configuration and suppressions apply to them too.
    public static func check(
        source: SourceFile, format: InputFormat, configuration: Configuration = .default, currentYear: Int = CurrentYear.now,
        verifier: (any ReferenceVerifier)? = nil
    ) -> FileReport {
        let document = DocumentReader.read(source, format: format)
        let finder = ReferenceListFinder(headings: ReferenceListFinder.defaultHeadings + configuration.headings)
        let list = finder.find(in: document)
        let parser = ReferenceParser()
        let references = (list?.entries ?? []).map { Reference(entry: $0, parsed: parser.parse($0.text)) }
        let context = CheckContext(
            document: document, referenceList: list, references: references, configuration: configuration, currentYear: currentYear
        )
        let linter = Linter(configuration: configuration)
        var diagnostics = linter.lint(context)
        if let verifier, !references.isEmpty {
            let found = verifier.verify(references, in: source)
            diagnostics = Linter.sorted(diagnostics + linter.finalize(found, document: document, references: references))
        }
        return FileReport(path: source.path, references: references, diagnostics: diagnostics)
    }
}


/// Checks references against an outside source of truth (PubMed) after the offline rules. The PubMed module
/// provides one; the library knows only this protocol, so it stays free of C and network code.
public protocol ReferenceVerifier: Sendable {
    /// Findings about `references` of the post `source`, positioned in that file.
    func verify(_ references: [Reference], in source: SourceFile) -> [Diagnostic]
}

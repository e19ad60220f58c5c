// WIRING: this file calls the reader, list finder and parser by the names agreed in the plan. They live on
// other branches; once they are merged into main, delete the `#if CITECHECK_PIPELINE` / `#endif` lines here and
// in Tests/CiteCheckTests/Rules/RuleExampleTests.swift (or add `.define("CITECHECK_PIPELINE")` to the targets).

/// The offline pipeline for one post: read → find the reference list → parse each entry → lint.
public enum Checker {
    /// Checks one post. `currentYear` is injectable for tests; PubMed verification (issue 4) runs after this and
    /// passes its findings through `Linter.finalize` so configuration and suppressions apply to them too.
    public static func check(
        source: SourceFile, format: InputFormat, configuration: Configuration = .default, currentYear: Int = CurrentYear.now
    ) -> FileReport {
        let document = DocumentReader.read(source, format: format)
        let finder = ReferenceListFinder(headings: ReferenceListFinder.defaultHeadings + configuration.headings)
        let list = finder.find(in: document)
        let parser = ReferenceParser()
        let references = (list?.entries ?? []).map { Reference(entry: $0, parsed: parser.parse($0.text)) }
        let context = CheckContext(
            document: document, referenceList: list, references: references, configuration: configuration, currentYear: currentYear
        )
        let diagnostics = Linter(configuration: configuration).lint(context)
        return FileReport(path: source.path, references: references, diagnostics: diagnostics)
    }
}


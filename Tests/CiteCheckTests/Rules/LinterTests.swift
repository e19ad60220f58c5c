import Testing

@testable import CiteCheck

@Suite struct LinterTests {
    /// Three entries: 1 has bad pages (line 3), 2 has a future year (line 5, after a blank line), 3 is unparsed.
    static func post(directives: [SuppressionDirective] = []) -> TestPost {
        var post = TestPost("R\n\n1. Smith J. T. Lancet. 2001;1:20-10.\n\n2. Jones K. U. BMJ. 2099;2:1-2.\n3. Nothing to read\n")
        post.add(label: "1.", "Smith J. T. Lancet. 2001;1:20-10.", fields: [.pages: "20-10"]) {
            article(&$0, authors: ["Smith J"], title: "T", journal: "Lancet", year: 2001, volume: "1", pages: PageRange(first: "20", last: "10"))
        }
        post.add(label: "2.", "Jones K. U. BMJ. 2099;2:1-2.", fields: [.year: "2099"]) {
            article(&$0, authors: ["Jones K"], title: "U", journal: "BMJ", year: 2099, volume: "2", pages: PageRange(first: "1", last: "2"))
        }
        post.add(label: "3.", "Nothing to read")
        post.directives = directives
        return post
    }

    @Test func runsEveryRuleAndSortsByPosition() {
        let found = Self.post().lint()
        #expect(found.map(\.rule) == ["ref-bad-pages", "ref-bad-year", "ref-unparsed"])
        #expect(found.map(\.range.start.line) == [3, 5, 6])
    }

    @Test func configuredSeveritiesAndOff() {
        let configuration = Configuration(rules: ["ref-bad-pages": .severity(.info), "ref-unparsed": .off])
        let found = Self.post().lint(configuration)
        #expect(found.map(\.rule) == ["ref-bad-pages", "ref-bad-year"])
        #expect(found.map(\.severity) == [.info, .error])
    }

    @Test func disableNextLineSkipsBlankLinesAndNamesRules() {
        // Line 4 is blank, so a comment on line 2 applies to line 3 and one on line 4 applies to line 5.
        let found = Self.post(directives: [
            SuppressionDirective(action: .disableNextLine, rules: ["ref-bad-year"], line: 2),
            SuppressionDirective(action: .disableNextLine, rules: [], line: 4),
        ]).lint()
        #expect(found.map(\.rule) == ["ref-bad-pages", "ref-unparsed"])
    }

    @Test func disableEnableRanges() {
        let found = Self.post(directives: [
            SuppressionDirective(action: .disable, rules: [], line: 2),
            SuppressionDirective(action: .enable, rules: ["ref-unparsed"], line: 4),
        ]).lint()
        #expect(found.map(\.rule) == ["ref-unparsed"])
        let disabledToEnd = Self.post(directives: [SuppressionDirective(action: .disable, rules: ["ref-bad-year", "ref-unparsed"], line: 4)]).lint()
        #expect(disabledToEnd.map(\.rule) == ["ref-bad-pages"])
    }

    @Test func disableNextLineCoversAWrappedEntry() {
        var post = TestPost("R\n<!-- citecheck-disable-next-line ref-bad-pages -->\n1. Smith J. T. Lancet.\n2001;1:20-10.\n")
        post.add(label: "1.", "Smith J. T. Lancet.\n2001;1:20-10.", fields: [.pages: "20-10"]) {
            article(&$0, authors: ["Smith J"], title: "T", journal: "Lancet", year: 2001, volume: "1", pages: PageRange(first: "20", last: "10"))
        }
        #expect(post.lint().map(\.rule) == ["ref-bad-pages"])
        post.directives = [SuppressionDirective(action: .disableNextLine, rules: ["ref-bad-pages"], line: 2)]
        #expect(post.lint().isEmpty)
    }

    @Test func finalizeAppliesToOutsideFindingsAndSortsStably() {
        let post = Self.post()
        let range = SourceRange(start: .init(line: 3, column: 1), end: .init(line: 3, column: 2))
        let outside = [
            Diagnostic(rule: "z-rule", severity: .warning, message: "second", file: "post.txt", range: range),
            Diagnostic(rule: "a-rule", severity: .warning, message: "first", file: "post.txt", range: range),
            Diagnostic(rule: "z-rule", severity: .warning, message: "third", file: "post.txt", range: range),
            Diagnostic(rule: "a-rule", severity: .warning, message: "other file", file: "a.txt", range: range),
        ]
        let linter = Linter(configuration: Configuration(rules: ["ref-unparsed": .off]))
        let found = linter.finalize(outside, document: post.document, references: post.references)
        #expect(found.map(\.message) == ["other file", "first", "second", "third"])
    }

    @Test func exampleMarkersGivePositions() {
        let example = RuleExample("ab\n  ↓cd↓\r\n↓x")
        let stripped = example.strippedPost
        #expect(stripped.text == "ab\n  cd\r\nx")
        #expect(stripped.markers == [SourcePosition(line: 2, column: 3), SourcePosition(line: 2, column: 5), SourcePosition(line: 3, column: 1)])
    }

    @Test(arguments: [
        ([Severity](), FailOn.error, Int32(0)),
        ([.info, .warning], .error, 0),
        ([.info, .warning], .warning, 1),
        ([.error], .error, 1),
        ([.error], .never, 0),
        ([.info], .warning, 0),
    ])
    func exitStatus(severities: [Severity], failOn: FailOn, status: Int32) {
        let range = SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
        let diagnostics = severities.map { Diagnostic(rule: "r", severity: $0, message: "m", file: "f", range: range) }
        #expect(ExitStatus.for(diagnostics: diagnostics, failOn: failOn) == status)
    }
}

@Suite struct RuleRobustnessTests {
    /// Odd field values and out-of-range field positions never crash a rule, and documentation lists every rule.
    @Test func hostileFieldsDoNotCrash() {
        var post = TestPost("R\n\n1. x\n2. y\n3. z\n")
        let weird: [(inout ParsedReference) -> Void] = [
            {
                $0.pages = PageRange(first: "99999999999999999999999", last: "1", lastAsWritten: "1")
                $0.year = Int.min
                $0.epubYear = Int.max
            },
            {
                $0.pages = PageRange(first: "", last: "", lastAsWritten: "")
                $0.fieldRanges = [.pages: 5..<900, .title: -3..<2]
                $0.title = ""
                $0.titleQuoted = true
            },
            {
                $0.pages = PageRange(first: "e", last: "e1e", lastAsWritten: ".e")
                $0.authors = [Author(family: "", given: "")]
                $0.journal = ""
                $0.volume = ""
                $0.titleQuoted = true
                $0.title = "“"
                $0.fieldRanges = [.title: 0..<1]
            },
        ]
        for (i, build) in weird.enumerated() { post.add(label: "\(i + 1).", ["x", "y", "z"][i], build: build) }
        let found = post.lint(Configuration(style: .style(.apa)))
        #expect(found.allSatisfy { $0.range.start.line >= 1 })
    }

    @Test func documentationNamesEveryRule() {
        let markdown = RuleDocumentation.markdown()
        let list = RuleDocumentation.list()
        for id in RuleRegistry.ids {
            #expect(markdown.contains("## `\(id)`"))
            #expect(list.contains(id))
        }
    }
}

import Foundation
import Testing

/// The real binary on hostile posts generated at test time: each gets a normal report, or a one-line error
/// naming the file and exit 2, within a bounded time that grows linearly with the input.
@Suite struct HostileInputTests {
    static let reference = "Feder A, Parides MK. Efficacy of ketamine. JAMA Psychiatry. 2014;71(6):681-688."

    /// A fresh folder, removed by `body`'s caller when done.
    private func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    private func write(_ bytes: some Sequence<UInt8>, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        try write(Array(text.utf8), name, in: folder)
    }

    /// Runs citecheck and returns the result and the wall time in seconds.
    private func timedRun(_ arguments: [String]) throws -> (CLI.Result, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try CLI.run(arguments)
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// A normal report: exit 0 or 1, nothing on stderr, the summary line printed.
    private func expectReport(_ result: CLI.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0 || result.status == 1, "\(what): exit \(result.status), stderr \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(what): \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
        #expect(result.stdout.contains(" in 1 file"), "\(what): \(result.stdout.suffix(300))", sourceLocation: sourceLocation)
    }

    /// A one-line error naming the file, exit 2.
    private func expectOneLineError(_ result: CLI.Result, naming path: String, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 2, sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.contains(path) == true, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(lines.first?.contains(words) == true, "\(result.stderr)", sourceLocation: sourceLocation)
    }

    // MARK: Not text

    @Test func emptyFileIsAnEmptyReport() throws {
        try withFolder { folder in
            for name in ["empty.md", "empty.txt", "empty.html"] {
                let path = try write("", name, in: folder)
                let result = try CLI.run([path])
                expectReport(result, name)
                #expect(result.status == 0)
                #expect(result.stdout.contains("0 errors, 0 warnings, 0 infos in 1 file"))
            }
            let bom = try write([0xEF, 0xBB, 0xBF], "bom-only.md", in: folder)
            expectReport(try CLI.run([bom]), "BOM only")
        }
    }

    @Test(arguments: [
        ("lone continuation byte", [UInt8](Array("References\n\n1. Feder A. Title. J. 2014;1:1-2.\n".utf8)) + [0x80, 0x0A]),
        ("truncated sequence", [0x48, 0x69, 0xE2, 0x80]),
        ("overlong encoding", [0xC0, 0xAF, 0x0A]),
        ("surrogate half", [0xED, 0xA0, 0x80]),
        ("Latin-1", Array("Caf\u{E9}".unicodeScalars.map { UInt8($0.value) })),
    ])
    func invalidUTF8IsAOneLineError(_ what: String, _ bytes: [UInt8]) throws {
        try withFolder { folder in
            let path = try write(bytes, "bad.md", in: folder)
            expectOneLineError(try CLI.run([path]), naming: path, "not valid UTF-8")
        }
    }

    @Test func binaryFileIsAOneLineError() throws {
        try withFolder { folder in
            var bytes: [UInt8] = []
            var state: UInt32 = 2_463_534_242
            for _ in 0..<65_536 {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                bytes.append(UInt8(truncatingIfNeeded: state))
            }
            let path = try write(bytes, "random.html", in: folder)
            expectOneLineError(try CLI.run([path]), naming: path, "not a text file")
        }
    }

    @Test func fileOverTheSizeLimitIsAOneLineError() throws {
        try withFolder { folder in
            let path = try write(String(repeating: "x", count: 5_000), "big.md", in: folder)
            expectOneLineError(try CLI.run(["--max-file-size", "4096", path]), naming: path, "over the limit of 4096 bytes")
            expectReport(try CLI.run(["--max-file-size", "5000", path]), "at the limit")
        }
    }

    // MARK: Odd characters and line ends

    @Test func controlCharactersGetANormalReport() throws {
        try withFolder { folder in
            var controls = ""
            for value in 1...31 where value != 10 && value != 13 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
            controls += "\u{7F}\u{85}\u{200B}\u{2028}\u{2029}\u{FEFF}"
            let text = "Intro \(controls) a study [1].\n\nReferences\n\n1. Feder A\(controls), Parides MK. Title\u{7}. J. 2014;1:1-2.\n"
            for ext in ["txt", "md", "html"] {
                let result = try CLI.run([try write(text, "controls.\(ext)", in: folder)])
                expectReport(result, "controls .\(ext)")
            }
        }
    }

    /// Right-to-left and combining text: a normal report, columns counted in Unicode scalars.
    @Test func rightToLeftAndCombiningCharacters() throws {
        try withFolder { folder in
            let rtl = "\u{5DE}\u{5D7}\u{5E7}\u{5E8} \u{202E}\u{627}\u{644}\u{639}\u{631}\u{628}\u{64A}\u{629}\u{202C} e\u{301}\u{302}\u{303}"
            let text = "\(rtl) A 2016 study [1] found less anxiety.\n\nReferences\n\n1. \(rtl) Feder A. Title \u{5D0}. JAMA Psychiatry. 2018;71(6):681-688.\n"
            let path = try write(text, "rtl.md", in: folder)
            let result = try CLI.run([path])
            expectReport(result, "rtl")
            // The year mismatch is reported at the scalar column of `2016` on line 1.
            let column = rtl.unicodeScalars.count + " A ".unicodeScalars.count + 1
            #expect(result.stdout.contains("\(path):1:\(column): error: text says 2016, reference 1 says 2018 [cite-year-mismatch]"), "\(result.stdout)")
        }
    }

    /// The same post with LF, CR LF and lone CR line ends gives the same findings at the same lines.
    @Test func windowsAndOldMacLineEnds() throws {
        try withFolder { folder in
            let lines = [
                "A 2016 study [1] found less anxiety, and another [2].", "", "References", "",
                "1. Feder A, Parides MK. Efficacy of ketamine. JAMA Psychiatry. 2018;71(6):681-688.",
                "2. Duman RS. Neurobiology of stress. Depress Anxiety. 2014;31(4):291-296.", "",
            ]
            var outputs: [String] = []
            for (name, end) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
                let path = try write(lines.joined(separator: end), "\(name).md", in: folder)
                let result = try CLI.run([path])
                expectReport(result, name)
                outputs.append(result.stdout.replacingOccurrences(of: path, with: "POST"))
            }
            #expect(outputs[0].contains("POST:1:3: error: text says 2016, reference 1 says 2018"), "\(outputs[0])")
            #expect(outputs[1] == outputs[0])
            #expect(outputs[2] == outputs[0])
            let parsed = try CLI.run(["parse", "--format", "jsonl", try write(lines.joined(separator: "\r"), "cr.txt", in: folder)])
            #expect(parsed.stdout.split(separator: "\n").count == 2)
            #expect(parsed.stdout.contains("\"line\":6"))
        }
    }

    // MARK: Size and depth, with time growing linearly

    /// Runs `make(n)` at n and 4n; both must finish within `bound` seconds and the larger must take well under
    /// the 16x a quadratic step would (9x allows for noise on a shared machine; times under a second are noise).
    private func expectLinear(
        _ what: String, n: Int, bound: Double, folder: URL, ext: String, options: [String] = [], make: (Int) -> String,
        check: (CLI.Result, Int) -> Void, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var times: [Double] = []
        for size in [n, 4 * n] {
            let path = try write(make(size), "\(what)-\(size).\(ext)", in: folder)
            let (result, time) = try timedRun(options + [path])
            expectReport(result, "\(what) \(size)", sourceLocation: sourceLocation)
            check(result, size)
            #expect(time < bound, "\(what) \(size): \(time)s", sourceLocation: sourceLocation)
            times.append(time)
        }
        print("HOSTILE \(what): n=\(n) \(times[0])s, 4n=\(4 * n) \(times[1])s, ratio \(times[1] / max(times[0], 0.001))")
        #expect(times[1] < max(1.0, times[0] * 9), "\(what): \(times[0])s -> \(times[1])s", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["md", "txt", "html"])
    func twentyMegabytePost(_ ext: String) throws {
        try withFolder { folder in
            let paragraph = "Ketamine helped in a trial [1] and the effect held up in later work, as prose in a post does."
            try expectLinear(
                "post", n: 5, bound: 600, folder: folder, ext: ext,
                make: { megabytes in
                    let count = megabytes * 1_048_576 / (paragraph.utf8.count + 9)
                    let body =
                        ext == "html"
                        ? String(repeating: "<p>\(paragraph)</p>\n", count: count) + "<h2>References</h2><ol><li>\(Self.reference)</li></ol>"
                        : String(repeating: "\(paragraph)\n\n", count: count) + "References\n\n1. \(Self.reference)\n"
                    return body
                }, check: { result, _ in #expect(result.status == 0) })
        }
    }

    /// Parsed (the entry-length limit raised past it): the parser stays linear on a 1 MB reference.
    @Test(arguments: ["md", "txt", "html"])
    func oneMegabyteSingleLineReference(_ ext: String) throws {
        try withFolder { folder in
            try expectLinear(
                "line", n: 256, bound: 120, folder: folder, ext: ext, options: ["--max-entry-length", "2000000"],
                make: { kilobytes in
                    let line = String(repeating: "Smith J, [note] doi:10.1001/x.1 (online ", count: kilobytes * 1024 / 40)
                    return ext == "html"
                        ? "<p>Text [1].</p><h2>References</h2><ol><li>\(line) Title. J Med. 2019;1:1-2.</li></ol>"
                        : "Text [1].\n\nReferences\n\n1. \(line) Title. J Med. 2019;1:1-2.\n"
                }, check: { _, _ in })
        }
    }

    @Test func hundredThousandLevelsOfHTMLNesting() throws {
        try withFolder { folder in
            try expectLinear(
                "nesting", n: 25_000, bound: 120, folder: folder, ext: "html",
                make: { depth in
                    // (Sections, not block quotes: a citation inside a quote is the quoted author's and is not checked.)
                    String(repeating: "<div><section><ul><li>", count: depth / 4) + "<p>A 2016 study [1] found less anxiety.</p>"
                        + String(repeating: "</li></ul></section></div>", count: depth / 4)
                        + "<h2>References</h2><ol><li>" + Self.reference.replacingOccurrences(of: "2014", with: "2018") + "</li></ol>"
                },
                check: { result, _ in
                    #expect(result.stdout.contains("text says 2016, reference 1 says 2018"), "\(result.stdout.suffix(400))")
                })
            // Never closed, and Markdown block quotes as deep.
            let open = try write(
                String(repeating: "<div><span><em>", count: 33_334) + "<p>x [1]</p><h2>References</h2><ol><li>" + Self.reference,
                "open.html", in: folder)
            expectReport(try CLI.run([open]), "unclosed nesting")
            let quotes = try write(String(repeating: ">", count: 100_000) + " x [1]\n\nReferences\n\n1. \(Self.reference)\n", "quotes.md", in: folder)
            expectReport(try CLI.run([quotes]), "quote nesting")
        }
    }

    /// 100,000 entries (numbered past 999) are all read, parsed and checked in linear time.
    @Test(arguments: ["txt", "md", "html"])
    func hundredThousandEntries(_ ext: String) throws {
        try withFolder { folder in
            try expectLinear(
                "entries", n: 25_000, bound: 600, folder: folder, ext: ext,
                make: { count in
                    // No pages: one ref-missing-field warning per entry.
                    let entry = { (k: Int) in "Feder A, Parides MK. Efficacy of ketamine \(k). JAMA Psychiatry. 2014;71(6)." }
                    if ext == "html" {
                        return "<p>Intro [1].</p><h2>References</h2><ol>" + (1...count).map { "<li>\(entry($0))</li>\n" }.joined() + "</ol>"
                    }
                    return "Intro [1].\n\nReferences\n\n" + (1...count).map { "\($0). \(entry($0))\n" }.joined()
                },
                check: { result, count in
                    // Every entry lacks its pages: one warning each, so every entry was read as its own.
                    #expect(result.stdout.contains("[ref-missing-field]"))
                    let summary = result.stdout.split(separator: "\n").last.map(String.init) ?? ""
                    #expect(summary.contains("in 1 file"), "\(summary)")
                    let warnings = summary.split(separator: " ").firstIndex(of: "warnings,").map { summary.split(separator: " ")[$0 - 1] }
                    #expect(warnings.flatMap { Int($0) }.map { $0 >= count - 1 } == true, "\(count): \(summary)")
                })
        }
    }

    // MARK: Limits

    /// At the default entry-length limit a 1 MB reference is reported, not parsed: one `ref-unparsed` naming its
    /// length and the limit.
    @Test func overlongEntryIsReportedUnparsed() throws {
        try withFolder { folder in
            let line = String(repeating: "Smith J, ", count: 1_048_576 / 9)
            let path = try write("Text [1] and [2].\n\nReferences\n\n1. \(line)Title. J Med. 2019;1:1-2.\n2. \(Self.reference)\n", "long.md", in: folder)
            let (result, time) = try timedRun([path])
            expectReport(result, "1 MB entry")
            #expect(time < 30, "\(time)s")
            #expect(result.stdout.contains("reference 1 was not parsed: it is 1048"), "\(result.stdout.prefix(500))")
            #expect(result.stdout.contains("over the limit of 65536 (see --max-entry-length) [ref-unparsed]"))
            #expect(!result.stdout.contains("reference 2 was not parsed"))
            // The option sets it per run.
            let lowered = try CLI.run(["--max-entry-length", "40", path])
            #expect(lowered.stdout.contains("reference 2 was not parsed: it is 79 bytes long, over the limit of 40"), "\(lowered.stdout.suffix(600))")
        }
    }

    /// More entries than `--max-entries` (or `[limits] max-entries`) is a one-line error naming the file; the
    /// option wins over the configuration file, and other posts of the run are still reported.
    @Test func tooManyEntriesIsAOneLineError() throws {
        try withFolder { folder in
            let list = (1...5).map { "\($0). \(Self.reference.replacingOccurrences(of: "681-688", with: "\(100 * $0)-\(100 * $0 + 9)"))" }
                .joined(separator: "\n")
            let path = try write("Text [1-5].\n\nReferences\n\n\(list)\n", "five.md", in: folder)
            expectOneLineError(try CLI.run(["--max-entries", "4", path]), naming: path, "the reference list has 5 entries, over the limit of 4 (see --max-entries)")
            expectReport(try CLI.run(["--max-entries", "5", path]), "5 entries at a limit of 5")

            let configured = folder.appendingPathComponent("configured")
            try FileManager.default.createDirectory(at: configured, withIntermediateDirectories: true)
            _ = try write("[limits]\nmax-entries = 3\n", ".citecheck.toml", in: configured)
            let inside = try write("Text [1-5].\n\nReferences\n\n\(list)\n", "post.md", in: configured)
            let short = try write("Text [1].\n\nReferences\n\n1. \(Self.reference)\n", "short.md", in: configured)
            let both = try CLI.run(["--format", "json", inside, short])
            expectOneLineError(both, naming: inside, "over the limit of 3")
            #expect(both.stdout.contains("\"path\": \"\(short)\""), "\(both.stdout.prefix(300))")
            #expect(try CLI.run(["--max-entries", "10", inside]).status == 0)
            // `parse` keeps to the same limits.
            expectOneLineError(try CLI.run(["parse", inside]), naming: inside, "over the limit of 3")
        }
    }

    @Test func limitOptionsMustBePositive() throws {
        for option in ["--max-file-size", "--max-entries", "--max-entry-length"] {
            let result = try CLI.run([option, "0", "post.md"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(option) must be positive"), "\(result.stderr)")
        }
    }

    // MARK: Many files

    /// A run over many files where some cannot be read reports every readable one and exits 2.
    @Test func readableFilesAreReportedWhenOthersAreNot() throws {
        try withFolder { folder in
            var paths: [String] = []
            var bad: [String] = []
            for k in 0..<24 {
                switch k % 6 {
                case 1:
                    bad.append(try write([0x00, 0x01, 0x02], "post\(k).md", in: folder))
                    paths.append(bad.last ?? "")
                case 3:
                    bad.append(try write([0xFF, 0xFE, 0x41], "post\(k).md", in: folder))
                    paths.append(bad.last ?? "")
                case 5:
                    let link = folder.appendingPathComponent("post\(k).md").path
                    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.appendingPathComponent("gone").path)
                    bad.append(link)
                    paths.append(link)
                default:
                    paths.append(try write("A 2016 study [1] found less.\n\nReferences\n\n1. \(Self.reference)\n", "post\(k).md", in: folder))
                }
            }
            let missing = folder.appendingPathComponent("missing.md").path
            paths.append(missing)
            bad.append(missing)
            let result = try CLI.run(["--format", "json"] + paths)
            #expect(result.status == 2)
            let errors = result.stderr.split(separator: "\n").map(String.init)
            #expect(errors.count == bad.count, "\(result.stderr)")
            for path in bad { #expect(errors.contains { $0.contains(path) }, "no error names \(path)") }
            let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let files = (json["files"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
            #expect(Set(files) == Set(paths).subtracting(bad))
            // The folder walk gives the same: every readable post reported, exit 2.
            let walked = try CLI.run([folder.path])
            #expect(walked.status == 2)
            #expect(walked.stdout.contains("in \(paths.count - bad.count) files"), "\(walked.stdout.suffix(200))")
        }
    }
}

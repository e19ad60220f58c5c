import Foundation
import Testing

/// Runs the built `citecheck` binary.
@Suite struct EndToEndTests {
    @Test func versionRuns() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("0.1.0"))
    }
}

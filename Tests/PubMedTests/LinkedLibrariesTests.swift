import Testing

@testable import PubMed

@Suite struct LinkedLibrariesTests {
    @Test func curlAndLibxml2AreLinked() {
        #expect(LinkedLibraries.curlVersion.first?.isNumber == true)
        #expect(LinkedLibraries.libxml2Version.first?.isNumber == true)
    }
}

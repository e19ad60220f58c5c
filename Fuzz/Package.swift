// swift-tools-version: 6.0
// libFuzzer targets for citecheck, kept out of the main package so `swift build` and `swift test` never see them.
// Each target is a static library that defines `LLVMFuzzerTestOneInput`; `scripts/fuzz.sh` builds it with
// `-sanitize=fuzzer,address` and links it into a fuzzer binary (libFuzzer supplies `main`).
import PackageDescription

let package = Package(
    name: "CiteCheckFuzz",
    products: [
        .library(name: "FuzzPost", type: .static, targets: ["FuzzPost"]),
        .library(name: "FuzzReference", type: .static, targets: ["FuzzReference"]),
        .library(name: "FuzzPubMedXML", type: .static, targets: ["FuzzPubMedXML"]),
    ],
    dependencies: [.package(name: "citecheck", path: "..")],
    targets: [
        .target(name: "FuzzPost", dependencies: [.product(name: "CiteCheck", package: "citecheck")]),
        .target(name: "FuzzReference", dependencies: [.product(name: "CiteCheck", package: "citecheck")]),
        .target(name: "FuzzPubMedXML", dependencies: [.product(name: "PubMed", package: "citecheck")]),
    ],
    swiftLanguageModes: [.v6]
)

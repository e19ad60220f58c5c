// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "citecheck",
    products: [
        .executable(name: "citecheck", targets: ["CiteCheckCLI"]),
        .library(name: "CiteCheck", targets: ["CiteCheck"]),
        .library(name: "PubMed", targets: ["PubMed"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C bindings: module maps and shims only.
        // libcurl's headers only: the library is opened with dlopen on the first request (see CurlLibrary).
        .systemLibrary(
            name: "CCurl",
            path: "Sources/CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // The only importer of CCmarkGFM, and libxml2's HTML parser: parses Markdown with cmark-gfm into a Swift value
        // tree and HTML into a Swift list of events (no C pointer leaves it).
        // cmark-gfm is linked statically (its archives ship in libcmark-gfm-dev): one shared library less to load on
        // every run, and a release binary that needs no cmark-gfm package installed.
        .target(
            name: "MarkupTrees",
            dependencies: ["CCmarkGFM", "CLibXML2"],
            linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libcmark-gfm-extensions.a", "-Xlinker", "-l:libcmark-gfm.a"])]
        ),
        // The domain: document -> reference list -> parsed references -> findings. No C (markup trees come from
        // MarkupTrees as Swift values), no network.
        .target(name: "CiteCheck", dependencies: ["MarkupTrees", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The only importer of CCurl, and of CLibXML2's XML reader: HTTP, XML, PubMed records, matching, cache.
        .target(name: "PubMed", dependencies: ["CiteCheck", "CCurl", "CLibXML2"]),
        // A local PubMed on disk: MEDLINE files indexed into one SQLite file (through GRDB), answering the
        // verifier's lookups. The only importer of GRDB.
        .target(name: "PubMedIndex", dependencies: ["PubMed", "CiteCheck", .product(name: "GRDB", package: "GRDB.swift")]),
        // The thin command line front end.
        .executableTarget(
            name: "CiteCheckCLI",
            dependencies: [
                "CiteCheck",
                "PubMed",
                "PubMedIndex",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Large-data measurements over the shared data set, driven by bench/swift-bench.sh (never run by `swift test`).
        .executableTarget(name: "CiteCheckBench", dependencies: ["CiteCheck", "PubMed", "PubMedIndex"], path: "bench/CiteCheckBench"),
        // Test support: a real HTTP/1.1 server on 127.0.0.1 that scripts or computes its answers.
        .target(name: "LoopbackHTTP", path: "Tests/LoopbackHTTP"),
        .testTarget(name: "CiteCheckTests", dependencies: ["CiteCheck"], exclude: ["Normalization/fixtures"]),
        .testTarget(name: "PubMedTests", dependencies: ["PubMed", "CiteCheck", "CCurl", "CLibXML2", "LoopbackHTTP"]),
        .testTarget(name: "PubMedIndexTests", dependencies: ["PubMedIndex", "PubMed", "CiteCheck", "LoopbackHTTP", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EndToEndTests", dependencies: ["CiteCheckCLI", "CiteCheck", "PubMed", "PubMedIndex", "LoopbackHTTP"]),
    ],
    swiftLanguageModes: [.v6]
)

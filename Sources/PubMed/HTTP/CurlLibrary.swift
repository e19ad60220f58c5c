import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libcurl's functions, resolved from the shared library the first time a request needs them.
///
/// citecheck does not link libcurl: loading it and its dependencies costs every run a few milliseconds before
/// `main`, and an editor checking a post offline never makes a request. The library is opened once per process
/// (`shared`), with `RTLD_LOCAL`, and never closed.
struct CurlLibrary: @unchecked Sendable {
    let globalInit: citecheck_curl_global_init_fn
    let versionInfo: citecheck_curl_version_info_fn
    let easyInit: citecheck_curl_easy_init_fn
    let easyCleanup: citecheck_curl_easy_handle_fn
    let easyReset: citecheck_curl_easy_handle_fn
    let easyPerform: citecheck_curl_easy_perform_fn
    let easyStrerror: citecheck_curl_easy_strerror_fn
    let easySetopt: citecheck_curl_easy_setopt_fn
    let easyGetinfo: citecheck_curl_easy_getinfo_fn
    let slistAppend: citecheck_curl_slist_append_fn
    let slistFreeAll: citecheck_curl_slist_free_all_fn

    /// Why libcurl could not be used.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// The file names tried, in order (the runtime library of the platform's libcurl 7.x/8.x packages).
    #if os(macOS)
        static let fileNames = ["libcurl.4.dylib", "libcurl.dylib"]
    #else
        static let fileNames = ["libcurl.so.4", "libcurl.so"]
    #endif

    /// The loaded and globally initialised library, or why it is not available; computed once, thread-safely.
    static let shared: Result<CurlLibrary, LoadError> = load()

    private static func load() -> Result<CurlLibrary, LoadError> {
        var handle: UnsafeMutableRawPointer?
        var reasons: [String] = []
        for name in fileNames {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { break }
            reasons.append(dlerror().map { String(cString: $0) } ?? name)
        }
        guard let handle else {
            return .failure(LoadError(description: "libcurl is not installed (\(reasons.joined(separator: "; "))); install libcurl4 to verify online"))
        }
        var missing = ""
        func symbol<Function>(_ name: String, as type: Function.Type) -> Function? {
            guard let address = dlsym(handle, name) else {
                missing = name
                return nil
            }
            return unsafeBitCast(address, to: type)
        }
        guard let globalInit = symbol("curl_global_init", as: citecheck_curl_global_init_fn.self),
            let versionInfo = symbol("curl_version_info", as: citecheck_curl_version_info_fn.self),
            let easyInit = symbol("curl_easy_init", as: citecheck_curl_easy_init_fn.self),
            let easyCleanup = symbol("curl_easy_cleanup", as: citecheck_curl_easy_handle_fn.self),
            let easyReset = symbol("curl_easy_reset", as: citecheck_curl_easy_handle_fn.self),
            let easyPerform = symbol("curl_easy_perform", as: citecheck_curl_easy_perform_fn.self),
            let easyStrerror = symbol("curl_easy_strerror", as: citecheck_curl_easy_strerror_fn.self),
            let easySetopt = symbol("curl_easy_setopt", as: citecheck_curl_easy_setopt_fn.self),
            let easyGetinfo = symbol("curl_easy_getinfo", as: citecheck_curl_easy_getinfo_fn.self),
            let slistAppend = symbol("curl_slist_append", as: citecheck_curl_slist_append_fn.self),
            let slistFreeAll = symbol("curl_slist_free_all", as: citecheck_curl_slist_free_all_fn.self)
        else {
            return .failure(LoadError(description: "the libcurl found has no \(missing)"))
        }
        let library = CurlLibrary(
            globalInit: globalInit, versionInfo: versionInfo, easyInit: easyInit, easyCleanup: easyCleanup,
            easyReset: easyReset, easyPerform: easyPerform, easyStrerror: easyStrerror, easySetopt: easySetopt,
            easyGetinfo: easyGetinfo, slistAppend: slistAppend, slistFreeAll: slistFreeAll)
        guard library.globalInit(Int(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32)) == CURLE_OK else {
            return .failure(LoadError(description: "libcurl could not be initialised"))
        }
        return .success(library)
    }

    /// The library's version (`8.5.0`), nil when it cannot be loaded.
    static var version: String? {
        guard case .success(let curl) = shared, let info = curl.versionInfo(CURLversion(rawValue: CURLVERSION_TENTH.rawValue)),
            let version = info.pointee.version
        else { return nil }
        return String(cString: version)
    }
}

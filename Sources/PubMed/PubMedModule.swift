import CCurl
import CLibXML2
import CiteCheck

/// Versions of the C libraries this module uses, for `citecheck --version` and bug reports.
public enum LinkedLibraries {
    /// The libcurl version citecheck was built against (its headers). The library itself is opened on the first
    /// request (libcurl.so.4, whose interface is stable across 7.x and 8.x); `loadedCurlVersion` names that one.
    public static var curlVersion: String {
        LIBCURL_VERSION
    }

    /// The version of the libcurl that requests use, loading it; nil when it cannot be loaded.
    public static var loadedCurlVersion: String? {
        CurlLibrary.version
    }

    public static var libxml2Version: String {
        String(cString: __xmlParserVersion().pointee!)
    }
}

import CiteCheck
import CCurl
import CLibXML2

/// Versions of the C libraries this module is linked against, for `citecheck --version` and bug reports.
public enum LinkedLibraries {
    public static var curlVersion: String {
        guard let info = curl_version_info(CURLversion(rawValue: CURLVERSION_TENTH.rawValue)), let version = info.pointee.version else {
            return "unknown"
        }
        return String(cString: version)
    }

    public static var libxml2Version: String {
        String(cString: __xmlParserVersion().pointee!)
    }
}

internal import Foundation

extension Normalization {
    /// Canonical (NFD) decomposition of one scalar, or nil when it has none.
    /// Only reached for letters above U+017F, so Foundation's slower path stays off the hot path.
    static func canonicalDecomposition(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView? {
        let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
        if decomposed.count == 1 && decomposed.first == scalar { return nil }
        return decomposed
    }
}

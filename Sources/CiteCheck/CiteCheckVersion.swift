/// The version of citecheck, printed by `citecheck --version` and sent in the PubMed client's User-Agent.
public enum CiteCheckVersion {
    public static let current = "0.1.0"
}

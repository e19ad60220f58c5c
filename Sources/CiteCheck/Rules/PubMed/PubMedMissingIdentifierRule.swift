/// `pubmed-missing-identifier`: a journal article PubMed matched with certainty names no DOI or PMID, in a list whose
/// other entries write theirs.
///
/// Found while verifying against PubMed (the PubMed module reports it); its examples are checked against the recorded
/// PubMed records they name.
public enum PubMedMissingIdentifierRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-missing-identifier",
        defaultSeverity: .info,
        summary: "The reference names no DOI or PMID while other entries of its list do; PubMed's record has one.",
        rationale:
            "A DOI or PMID lets a reader reach the paper in one click and lets a checker verify the reference for certain. When the other entries of a list carry one, an entry without it is usually an oversight. The finding is made only when PubMed matched the reference with certainty (a written identifier agrees, or at least two of title, first author and journal agree and no other record competes), never for a retracted record, an ambiguous match, a non-journal entry or one inside a quotation; a list whose entries write no identifiers (or only link them) is left as the writer chose.",
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1], and so did six [2].

                References

                ↓1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202. doi:10.1176/appi.ajp.2020.20050596
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed/33397139.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1], and so did six [2].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688. doi:10.1001/jamapsychiatry.2014.62
                2. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202. doi:10.1176/appi.ajp.2020.20050596
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed/33397139.xml"]),
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1], and so did six [2].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202.
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed/33397139.xml"]),
        ],
        fix: PubMedFieldComparison.unsafeFix(
            "the record's identifier is appended after the entry's final period, written as most of the list's other entries write theirs (`doi:10.1001/…`, `DOI: 10.1001/…`, `https://doi.org/10.1001/…`, `PMID: 24740528`, with or without a period after it); the PMID, as `PMID: …`, when the list writes DOIs and the record has none"
        )
    )
}

import CiteCheck

@testable import PubMed

/// Hand-built records and references for matching tests.
enum MatchingFixtures {
    static func authors(_ names: String) -> [PubMedRecord.Author] {
        names.split(separator: ",").map { item in
            let parts = item.split(separator: " ").map(String.init)
            guard let initials = parts.last, parts.count > 1 else { return PubMedRecord.Author(lastName: String(item)) }
            return PubMedRecord.Author(lastName: parts.dropLast().joined(separator: " "), initials: initials)
        }
    }

    static func refAuthors(_ names: String) -> [Author] {
        names.split(separator: ",").map { item in
            let parts = item.split(separator: " ").map(String.init)
            guard let given = parts.last, parts.count > 1 else { return Author(family: String(item)) }
            return Author(family: parts.dropLast().joined(separator: " "), given: given)
        }
    }

    /// The UTF-8 range of the first occurrence of `piece` in `raw` (after `after`, when given).
    static func range(of piece: String, in raw: String, after: String? = nil) -> Range<Int>? {
        let bytes = Array(raw.utf8)
        let needle = Array(piece.utf8)
        var start = 0
        if let after, let a = range(of: after, in: raw) { start = a.upperBound }
        guard needle.count <= bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if Array(bytes[i..<(i + needle.count)]) == needle { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }

    static let psychopharmacology = "Neuropsychopharmacology : official publication of the American College of Neuropsychopharmacology"

    static let seedRecords: [PubMedRecord] = [
        PubMedRecord(
            pmid: "24740528",
            title: "Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial.",
            journalTitle: "JAMA psychiatry", isoAbbreviation: "JAMA Psychiatry", medlineTA: "JAMA Psychiatry",
            volume: "71", issue: "6", year: 2014, month: "Jun", medlinePages: "681-8",
            pages: PageRange(first: "681", last: "688", lastAsWritten: "8"),
            authors: authors("Feder A,Parides MK,Murrough JW,Perez AM,Morgan JE,Saxena S,Kirkwood K,Aan Het Rot M,Lapidus KA,Wan LB,Iosifescu D,Charney DS"),
            doi: "10.1001/jamapsychiatry.2014.62", publicationTypes: ["Journal Article", "Randomized Controlled Trial"]
        ),
        PubMedRecord(
            pmid: "33397139",
            title: "A Randomized Controlled Trial of Repeated Ketamine Administration for Chronic Posttraumatic Stress Disorder.",
            journalTitle: "The American journal of psychiatry", isoAbbreviation: "Am J Psychiatry", medlineTA: "Am J Psychiatry",
            volume: "178", issue: "2", year: 2021, month: "Feb", electronicYear: 2021, medlinePages: "193-202",
            pages: PageRange(first: "193", last: "202", lastAsWritten: "202"),
            authors: authors(
                "Feder A,Costi S,Rutter SB,Collins AB,Govindarajulu U,Jha MK,Horn SR,Kautz M,Corniquel M,Collins KA,Bevilacqua L,Glasgow AM,Brallier J,Pietrzak RH,Murrough JW,Charney DS"
            ),
            doi: "10.1176/appi.ajp.2020.20050596"
        ),
        PubMedRecord(
            pmid: "28849779",
            title: "Ketamine for Social Anxiety Disorder: A Randomized, Placebo-Controlled Crossover Trial.",
            journalTitle: psychopharmacology, isoAbbreviation: "Neuropsychopharmacology", medlineTA: "Neuropsychopharmacology",
            volume: "43", issue: "2", year: 2018, month: "Jan", electronicYear: 2017, medlinePages: "325-333",
            pages: PageRange(first: "325", last: "333", lastAsWritten: "333"),
            authors: authors("Taylor JH,Landeros-Weisenberger A,Coughlin C,Mulqueen J,Johnson JA,Gabriel D,Reed MO,Jakubovski E,Bloch MH"),
            doi: "10.1038/npp.2017.194"
        ),
        PubMedRecord(
            pmid: "31526207",
            title:
                "Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: Exploratory double-blind psychoactive-controlled replication study.",
            journalTitle: "Journal of psychopharmacology (Oxford, England)", isoAbbreviation: "J Psychopharmacol", medlineTA: "J Psychopharmacol",
            volume: "34", issue: "3", year: 2020, month: "Mar", electronicYear: 2019, medlinePages: "267-272",
            pages: PageRange(first: "267", last: "272", lastAsWritten: "272"),
            authors: authors("Glue P,Neehoff S,Sabadel A,Broughton L,Le Nedelec M,Shadli S,McNaughton N,Medlicott NJ"),
            doi: "10.1177/0269881119874457"
        ),
        PubMedRecord(
            pmid: "23783065",
            title: "Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept.",
            journalTitle: psychopharmacology, isoAbbreviation: "Neuropsychopharmacology", medlineTA: "Neuropsychopharmacology",
            volume: "38", issue: "12", year: 2013, month: "Nov", electronicYear: 2013, medlinePages: "2475-83",
            pages: PageRange(first: "2475", last: "2483", lastAsWritten: "83"),
            authors: authors("Rodriguez CI,Kegeles LS,Levinson A,Feng T,Marcus SM,Vermes D,Flood P,Simpson HB"),
            doi: "10.1038/npp.2013.150"
        ),
        PubMedRecord(
            pmid: "24616149",
            title: "Neurobiology of stress, depression, and rapid acting antidepressants: remodeling synaptic connections.",
            journalTitle: "Depression and anxiety", isoAbbreviation: "Depress Anxiety", medlineTA: "Depress Anxiety",
            volume: "31", issue: "4", year: 2014, month: "Apr", electronicYear: 2014, medlinePages: "291-6",
            pages: PageRange(first: "291", last: "296", lastAsWritten: "6"),
            authors: authors("Duman RS"),
            doi: "10.1002/da.22227"
        ),
    ]

    /// Invented records close to the seed ones (same authors and years, similar subjects); their PMIDs are made up.
    static let distractors: [PubMedRecord] = [
        PubMedRecord(
            pmid: "90000001",
            title: "Pathophysiology of depression and innovative treatments: remodeling glutamatergic synaptic connections.",
            journalTitle: "Dialogues in clinical neuroscience", isoAbbreviation: "Dialogues Clin Neurosci", medlineTA: "Dialogues Clin Neurosci",
            volume: "16", issue: "1", year: 2014, month: "Mar", medlinePages: "11-27",
            authors: authors("Duman RS")
        ),
        PubMedRecord(
            pmid: "90000002",
            title: "Ketamine's dose-related effects on anxiety symptoms in patients with treatment refractory anxiety disorders.",
            journalTitle: "Journal of psychopharmacology (Oxford, England)", isoAbbreviation: "J Psychopharmacol", medlineTA: "J Psychopharmacol",
            volume: "31", issue: "10", year: 2017, month: "Oct", electronicYear: 2017, medlinePages: "1302-1305",
            authors: authors("Glue P,Medlicott NJ,Harland S,Neehoff S,Anderson-Fahey B,Le Nedelec M,Gray A,McNaughton N")
        ),
        PubMedRecord(
            pmid: "90000003",
            title: "Ketamine and the neurobiology of posttraumatic stress disorder.",
            journalTitle: "JAMA psychiatry", isoAbbreviation: "JAMA Psychiatry", medlineTA: "JAMA Psychiatry",
            volume: "71", issue: "9", year: 2014, medlinePages: "1001-2",
            authors: authors("Feder A,Charney DS")
        ),
    ]

    /// The six seed references, as the parser should produce them.
    static var seedReferences: [ParsedReference] {
        [
            reference(
                #"Feder A, Parides MK, Murrough JW, et al. “Efficacy of Intravenous Ketamine for Treatment of Chronic Posttraumatic Stress Disorder: A Randomized Clinical Trial.” JAMA Psychiatry. 2014;71(6):681–688."#,
                authors: "Feder A,Parides MK,Murrough JW", etAl: true,
                title: "Efficacy of Intravenous Ketamine for Treatment of Chronic Posttraumatic Stress Disorder: A Randomized Clinical Trial",
                quoted: true, journal: "JAMA Psychiatry", year: 2014, volume: "71", issue: "6", pages: ("681", "688", "688"), pagesText: "681–688"
            ),
            reference(
                #"Feder A, Costi S, Rutter SB, et al. “A Randomized Controlled Trial of Repeated Ketamine Administration for Chronic Posttraumatic Stress Disorder.” American Journal of Psychiatry. 2021;178(2):193–202."#,
                authors: "Feder A,Costi S,Rutter SB", etAl: true,
                title: "A Randomized Controlled Trial of Repeated Ketamine Administration for Chronic Posttraumatic Stress Disorder",
                quoted: true, journal: "American Journal of Psychiatry", year: 2021, volume: "178", issue: "2", pages: ("193", "202", "202"), pagesText: "193–202"
            ),
            {
                var r = reference(
                    #"Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. “Ketamine for Social Anxiety Disorder: A Randomized, Placebo-Controlled Crossover Trial.” Neuropsychopharmacology. 2018;43:325–333 (online 2017)."#,
                    authors: "Taylor JH,Landeros-Weisenberger A,Coughlin C", etAl: true,
                    title: "Ketamine for Social Anxiety Disorder: A Randomized, Placebo-Controlled Crossover Trial",
                    quoted: true, journal: "Neuropsychopharmacology", year: 2018, volume: "43", issue: nil, pages: ("325", "333", "333"), pagesText: "325–333"
                )
                r.epubYear = 2017
                r.notes = [ReferenceNote(kind: .epub, text: "online 2017")]
                return r
            }(),
            reference(
                "Glue P, Neehoff S, Sabadel A, et al. Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study. J Psychopharmacol. 2020;34(3):267-277.",
                authors: "Glue P,Neehoff S,Sabadel A", etAl: true,
                title:
                    "Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study",
                quoted: false, journal: "J Psychopharmacol", year: 2020, volume: "34", issue: "3", pages: ("267", "277", "277"), pagesText: "267-277"
            ),
            reference(
                "Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized Controlled Crossover Trial of Ketamine in Obsessive-Compulsive Disorder: Proof-of-Concept. Neuropsychopharmacology. 2013;38(12):2475-2483.",
                authors: "Rodriguez CI,Kegeles LS,Levinson A", etAl: true,
                title: "Randomized Controlled Crossover Trial of Ketamine in Obsessive-Compulsive Disorder: Proof-of-Concept",
                quoted: false, journal: "Neuropsychopharmacology", year: 2013, volume: "38", issue: "12", pages: ("2475", "2483", "2483"), pagesText: "2475-2483"
            ),
            reference(
                "Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants: Remodeling synaptic connections. Depress Anxiety. 2014;31(3):199-212.",
                authors: "Duman RS", etAl: false,
                title: "Neurobiology of stress, depression, and rapid-acting antidepressants: Remodeling synaptic connections",
                quoted: false, journal: "Depress Anxiety", year: 2014, volume: "31", issue: "3", pages: ("199", "212", "212"), pagesText: "199-212"
            ),
        ]
    }

    static func reference(
        _ raw: String, authors: String, etAl: Bool, title: String?, quoted: Bool = false, journal: String?, year: Int?,
        volume: String?, issue: String?, pages: (String, String?, String?)?, pagesText: String? = nil, style: CitationStyle = .ama
    ) -> ParsedReference {
        var r = ParsedReference(raw: raw)
        r.authors = refAuthors(authors)
        r.etAl = etAl
        r.title = title
        r.titleQuoted = quoted
        r.journal = journal
        r.year = year
        r.volume = volume
        r.issue = issue
        if let pages { r.pages = PageRange(first: pages.0, last: pages.1, lastAsWritten: pages.2) }
        r.style = style
        if let title, let range = range(of: title, in: raw) { r.fieldRanges[.title] = range }
        if let journal, let range = range(of: journal, in: raw, after: title) { r.fieldRanges[.journal] = range }
        if let pagesText, let range = range(of: pagesText, in: raw, after: journal) { r.fieldRanges[.pages] = range }
        return r
    }
}

import Testing

@testable import CiteCheck

/// What each entry cites (`ParsedReference.kind`), from its text.
@Suite struct EntryKindTests {
    let parser = ReferenceParser()

    @Test(arguments: [
        // Journal articles, whatever else they mention.
        ("Feder A, Parides MK. Efficacy of ketamine for PTSD. JAMA Psychiatry. 2014;71(6):681-688.", EntryKind.article),
        ("Feder, A. et al. (2014) 'Ketamine and the BBC effect', JAMA Psychiatry, 71(6), pp. 681–688.", .article),
        ("Hale J, Ortiz M. A data set of sleep diaries. Sleep. 2019;42(3):zsy241. Accessed March 3, 2021.", .article),
        ("Ortiz M. Unusual presentation of scurvy: a case report. BMJ Case Rep. 2019;12(4):e228123.", .article),
        ("Quinn T. Summary of a report of 4000 cases. JAMA. 2020.", .article),
        ("Moss K (2012) Guidelines in practice. Genes Dev 26: 2724–2736. doi: 10.1101/gad.208306.112", .article),
        ("Varga L. Milk and multiple sclerosis. (https://www.ncbi.nlm.nih.gov/pubmed/1291895)", .article),
        ("Osei K, Lamb R. YouTube as a source of information on sleep apnea. J Med Internet Res. 2020;22(3):e15123.", .article),
        ("Baird T. Podcasts in medical education. Med Teach. 2019;41(2):1-5.", .article),
        // Books and chapters.
        ("Pollan, M. (2008). In defense of food. London: Penguin.", .book),
        ("Greene R. The body keeps time. 3rd ed. Oxford: Oxford University Press; 2015.", .book),
        ("Hartmann, K. (2018), Kinderheilkunde kompakt, S. 198-199", .book),
        ("Nagel S. Sleep in infancy. In: Ruiz P, Ode K, eds. Pediatric Sleep. New York: Springer; 2011:45-60.", .chapter),
        ("Lenz T. Impfungen. In: Krause A, Wolf B (Hrsg.): Infektiologie. Stuttgart: Thieme; 2019. S. 12–14.", .chapter),
        ("Kirsch H. Measles vaccines. In: Kirsch H, editor. Vaccines. Berlin: Springer; 2009. p. 229–55. https://doi.org/10.1007/978-3-540-70617-5_10", .chapter),
        // Reports and guidelines.
        ("World Health Organization. Guideline on iron supplementation in infants. Geneva: WHO; 2016.", .report),
        ("Robert Koch-Institut. Empfehlungen der STIKO 2020/2021. Epidemiologisches Bulletin 2020;34:1–68.", .report),
        ("WHO. Immunization during outbreaks. Geneva: World Health Organization; 2020.", .report),
        ("Lind P. Sleep after shift work [master's thesis]. Uppsala: Uppsala University; 2012.", .report),
        // Web pages and software.
        ("Mayo Clinic staff. Vitamin B12 deficiency. https://www.example.org/b12 (accessed April 13, 2020).", .web),
        ("https://www.example.de/fsme/impfung.html (aufgerufen am 12.03.2020), FSME-Impfung, Beispielportal", .web),
        ("Sociedad de Pediatría. Vacunas [Internet]. 2024 [Citado el 12 de mayo de 2024]. Disponible en: https://example.org/vacunas", .web),
        ("R Core Team. R: A language and environment for statistical computing. Vienna: R Foundation; 2020.", .web),
        ("Nikolaus W. Sleepy: an R package for actigraphy. 2019. https://CRAN.R-project.org/package=sleepy", .web),
        // News, preprints, data sets, videos, podcasts.
        ("Carey B. A new look at sleep. The New York Times. 2019 Mar 3.", .news),
        ("Hahn, L. (12.08.2020), Zecken breiten sich aus, Lokalblatt (https://www.example.de/zecken-2020.html)", .news),
        ("Example University. New vaccine results [press release]. 2021 Jan 4.", .news),
        ("Kim S, Park J. Masks and transmission. medRxiv 2020:2020.04.01.20049528.", .preprint),
        ("Ode K. Humidity and spread (March 9, 2020). Available at SSRN: https://ssrn.com/abstract=1234567", .preprint),
        ("Bell J, Ray T. Ward occupancy 2015-2020 [dataset]. Zenodo; 2021. doi:10.5281/zenodo.1234567", .dataset),
        ("Copernicus Climate Change Service. ERA5 hourly data on single levels. 2018.", .dataset),
        ("Mednick S. Take a nap! Change your life. YouTube; 2013. https://www.youtube.com/watch?v=abc", .video),
        ("Huberman A. Master your sleep. Huberman Lab podcast #2. 2021.", .podcast),
        // Notes that explain rather than cite.
        ("I use the term loosely here.", .note),
        ("See the discussion above.", .note),
        ("We exclude the week of the change itself, since people adjust at different speeds.", .note),
    ])
    func kind(_ text: String, _ kind: EntryKind) {
        #expect(parser.parse(text).kind == kind, "\(text)")
    }

    @Test func emptyAndIbidAreArticles() {
        #expect(parser.parse("").kind == .article)
        #expect(parser.parse("Ibid.").kind != .note)
    }

    @Test func doiPrefixes() {
        #expect(EntryKindClassifier.kind(ofDOI: "10.1101/2020.03.12.20034728") == .preprint)
        #expect(EntryKindClassifier.kind(ofDOI: "10.1101/gr.120618.111") == nil)
        #expect(EntryKindClassifier.kind(ofDOI: "10.5281/zenodo.1234567") == .dataset)
        #expect(EntryKindClassifier.kind(ofDOI: "10.1007/978-3-540-70617-5") == .book)
        #expect(EntryKindClassifier.kind(ofDOI: "10.1007/978-3-540-70617-5_10") == .chapter)
        #expect(EntryKindClassifier.kind(ofDOI: "10.1001/jama.2014.62") == nil)
    }

    @Test func kindInJSON() {
        let json = ReferenceJSON.object(parser.parse("Carey B. A new look at sleep. The New York Times. 2019 Mar 3."))
        #expect(json.contains("\"kind\":\"news\""))
    }
}

/// Entries that open with their URL, carry a time with their access date, or name a discussion site.
@Suite struct LinkEntryKindTests {
    let parser = ReferenceParser()

    @Test func urlFirstEntryWithNumbersIsWeb() {
        let r = parser.parse("https://www.example.at/impfplan.html, Impfplan 2021, (30.03.2021, 21:42), Bundesministerium für Gesundheit (Wien)")
        #expect(r.kind == .web)
        #expect(r.volume == nil)
        #expect(r.pages == nil)
    }

    @Test func urlFirstPDFIsAReport() {
        let r = parser.parse("https://www.example.de/resource/blob/650460/wd-9-021-19.pdf, Impfpflichten im Ausland WD 9 - 3000 - 021/19, (30.03.2021)")
        #expect(r.kind == .report)
    }

    @Test func pressReleaseWithADayIsNews() {
        let r = parser.parse("Example Academy of Sciences. (2016). Prize Press Release for A. Smith. Oct. 3, 2016. https://www.example.org/press-34.pdf")
        #expect(r.kind == .news)
        #expect(r.volume == nil)
    }

    @Test func discussionThreadIsWeb() {
        #expect(parser.parse("Ask HN: Coping with loneliness").kind == .web)
    }

    @Test func labelledVolumeBeforeAPublisher() {
        let r = parser.parse("Ma, Siming, and Vadim N. Gladyshev. \"Signatures of longevity.\" Seminars in cell & developmental biology. Vol. 70. Academic Press, 2017.")
        #expect(r.journal == "Seminars in cell & developmental biology")
        #expect(r.volume == "70")
        #expect(r.year == 2017)
        #expect(r.kind == .article)
    }

    @Test func ieeePagesAfterTheDate() {
        let r = parser.parse("T. Lapp and L. Singh, \"Trajectory optimization,\" in Proceedings of the 2004 Control Conference, vol. 1, June 2004, pp. 891–896.")
        #expect(r.volume == "1")
        #expect(r.pages == PageRange(first: "891", last: "896", lastAsWritten: "896"))
        #expect(r.year == 2004)
    }
}

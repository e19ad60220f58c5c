import CiteCheck
import Foundation

/// Reader time on a 1 MB post written the way bloggers write (hard-wrapped paragraphs with emphasis, links, code
/// spans, entities, footnote references, headings, a block quote, lists, footnote definitions, link reference
/// definitions and a numbered reference list), in Markdown and as the HTML a blog platform exports: median thread
/// CPU time of `DocumentReader.read` over several reads. Target: the Markdown post in at most 50 ms.
enum ReadSpeedBench {
    static let targetMarkdownMilliseconds = 50.0

    /// One section of a post: about 2.4 KB of Markdown.
    static func markdownSection(_ k: Int) -> String {
        """
        ## Part \(k): what the trials found

        Vitamin D supplements were tested in *older adults* living at home, and the results
        were mixed[^\(k)a]. A large trial (Bischoff-Ferrari et al., 2020) found **no fewer falls**
        with 2,000&nbsp;IU a day, while a meta-analysis [reported](https://doi.org/10.1001/jama.\(k)) a small
        effect in people who started low &mdash; see `25(OH)D < 30 ng/mL` in the
        [appendix][app\(k)]. Readers asked about dosing\\
        and about timing; the short answer is that nobody knows yet.

        > "We found no evidence that supplementation prevents fractures" [1], the authors
        wrote, adding that the picture may differ for people in care homes.

        Three things matter most:

        1. The starting level, measured twice.
        1. The dose: daily beats monthly boluses (Smith 2019; Jones 2021).
        1. Adherence, which fell to 60% after a year[^\(k)b].

        - Calcium taken alongside it
        - Sun exposure in summer, which _varies_ a lot

        Table 1 in the trial report lists the outcomes by group; the effect on muscle
        strength was small and may be chance. Fall risk clinics see this every week, and
        the practical advice is unchanged: treat deficiency, keep people moving.

        [^\(k)a]: Bischoff-Ferrari HA, Vellas B, Rizzoli R, et al. Effect of vitamin D on falls.
            JAMA. 2020;324(18):1855-1868. doi:10.1001/jama.2020.16909
        [^\(k)b]: LeBoff MS, Chou SH, Ratliff KA, et al. Supplemental vitamin D and incident fractures.
            N Engl J Med. 2022;387(4):299-309.

        [app\(k)]: https://example.org/appendix-\(k) "Appendix \(k), table S\(k)"


        """
    }

    static func markdownPost(bytes: Int) -> String {
        var post = "# Vitamin D and falls: a reading of the trials\n\n"
        var k = 0
        while post.utf8.count < bytes - 8_000 {
            post += markdownSection(k)
            k += 1
        }
        post += "## References\n\n"
        var n = 1
        while post.utf8.count < bytes {
            post += "\(n). Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic\n"
                + "   posttraumatic stress disorder. JAMA Psychiatry. 2014;71(6):681-688. doi:10.1001/jamapsychiatry.2014.62\n"
            n += 1
        }
        return post
    }

    /// One section as a blog platform exports it: about 2.4 KB of HTML.
    static func htmlSection(_ k: Int) -> String {
        """
        <h2 id="part-\(k)">Part \(k): what the trials found</h2>
        <p>Vitamin D supplements were tested in <em>older adults</em> living at home, and the results
        were mixed<sup><a href="#fn\(k)a" id="ref\(k)a">\(k)</a></sup>. A large trial (Bischoff-Ferrari et al., 2020) found <strong>no fewer falls</strong>
        with 2,000&nbsp;IU a day, while a meta-analysis <a href="https://doi.org/10.1001/jama.\(k)" title="JAMA">reported</a> a small
        effect in people who started low &mdash; see <code>25(OH)D &lt; 30 ng/mL</code> in the appendix.<br>
        Readers asked about dosing and about timing; the short answer is that nobody knows yet.</p>
        <blockquote><p>&ldquo;We found no evidence that supplementation prevents fractures&rdquo; [1], the authors
        wrote, adding that the picture may differ for people in care homes.</p></blockquote>
        <p>Three things matter most:</p>
        <ol start="1">
          <li>The starting level, measured twice.</li>
          <li>The dose: daily beats monthly boluses (Smith 2019; Jones 2021).</li>
          <li>Adherence, which fell to 60% after a year.</li>
        </ol>
        <ul><li>Calcium taken alongside it<li>Sun exposure in summer, which <i>varies</i> a lot</ul>
        <p>Table 1 in the trial report lists the outcomes by group; the effect on muscle
        strength was small and may be chance. Fall risk clinics see this every week, and
        the practical advice is unchanged: treat deficiency, keep people moving.</p>
        <div class="footnotes"><ol><li id="fn\(k)a">Bischoff-Ferrari HA, Vellas B, Rizzoli R, et al. Effect of vitamin D on falls.
        JAMA. 2020;324(18):1855-1868. doi:10.1001/jama.2020.16909</li></ol></div>
        <!-- wp:paragraph -->

        """
    }

    static func htmlPost(bytes: Int) -> String {
        var post = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Vitamin D</title></head><body>\n<article>\n"
        var k = 0
        while post.utf8.count < bytes - 8_000 {
            post += htmlSection(k)
            k += 1
        }
        post += "<h2>References</h2>\n<ol>\n"
        while post.utf8.count < bytes - 30 {
            post += "<li>Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic\n"
                + "posttraumatic stress disorder. <em>JAMA Psychiatry</em>. 2014;71(6):681-688.</li>\n"
        }
        return post + "</ol>\n</article></body></html>\n"
    }

    /// Median thread CPU milliseconds of `runs` reads, with the block count of the last.
    static func median(_ text: String, _ format: InputFormat, runs: Int) -> (milliseconds: Double, blocks: Int) {
        let source = SourceFile(path: "post", text: text)
        var times: [Double] = []
        var blocks = 0
        _ = DocumentReader.read(source, format: format)
        for _ in 0..<runs {
            let start = threadCPUSeconds()
            let document = DocumentReader.read(source, format: format)
            times.append((threadCPUSeconds() - start) * 1000)
            blocks = document.blocks.count
        }
        times.sort()
        return (times[times.count / 2], blocks)
    }

    static func run(runs: Int = 21) {
        let markdown = markdownPost(bytes: 1_000_000)
        let md = median(markdown, .markdown, runs: runs)
        print(String(format: "READ 1 MB Markdown (%d bytes, %d blocks): median %.1f ms of %d reads (target <= %.0f ms)",
                     markdown.utf8.count, md.blocks, md.milliseconds, runs, targetMarkdownMilliseconds))
        expect(md.milliseconds <= targetMarkdownMilliseconds, "1 MB Markdown read in \(md.milliseconds) ms, over \(targetMarkdownMilliseconds) ms")
        let html = htmlPost(bytes: 1_000_000)
        let ht = median(html, .html, runs: runs)
        print(String(format: "READ 1 MB HTML (%d bytes, %d blocks): median %.1f ms of %d reads (no target)",
                     html.utf8.count, ht.blocks, ht.milliseconds, runs))
    }
}

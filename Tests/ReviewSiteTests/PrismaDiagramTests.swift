import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ReviewSite

@Suite("PRISMA flow diagram")
struct PrismaDiagramTests {
    static let script = "<script>alert(1)</script> & \"x\""

    /// Data strings with markup in them, and a reasons list long enough to wrap.
    static let hostile = Prisma(
        databases: .init(recordsIdentified: 1200, bySource: [.init(name: "MEDLINE <b>", records: 700), .init(name: "Embase & 'co'", records: 500)],
                         registersRecords: 30, removedDuplicates: 300, removedAutomation: 20, removedOther: 10, recordsExcluded: 800,
                         reportsNotRetrieved: 5, reportsExcluded: [
                             .init(code: "script", reason: script, count: 1),
                             .init(code: "long", reason: "a reason long enough that it has to be wrapped over several lines of the side box", count: 7),
                             .init(code: "braces", reason: "{{title}} left as written", count: 2),
                         ]),
        otherMethods: .init(recordsIdentified: 12, sources: ["websites", "citation searching <i>"], reportsNotRetrieved: 1,
                            reportsExcluded: [.init(code: "script", reason: script, count: 2)]),
        includedStudies: 77, includedReports: 80)

    static func defaultPrisma() throws -> Prisma { try loadDataset(defaultDataPath).prisma }

    /// Each `<text>`'s lines joined by spaces: a wrapped label reads whole again.
    static func texts(_ svg: String) -> [String] {
        svg.components(separatedBy: "<text").dropFirst().map { element in
            let body = element.components(separatedBy: "</text>")[0]
            let pieces = body.components(separatedBy: "<tspan").dropFirst().map {
                $0.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            }
            return pieces.isEmpty ? String(body.drop { $0 != ">" }.dropFirst()) : pieces.joined(separator: " ")
        }
    }

    @Test func defaultDataShowsEveryBoxCount() throws {
        let texts = Self.texts(PrismaDiagram.svg(try Self.defaultPrisma()))
        let expected = [
            "Identification of studies via databases and registers", "Identification of studies via other methods",
            "Identification", "Screening", "Included",
            "Records identified from: Databases (n = 410) Registers (n = 0)",
            "Records removed before screening: Duplicate records removed (n = 142) Records marked as ineligible by automation tools (n = 0) Records removed for other reasons (n = 0)",
            "Records screened (n = 268)", "Records excluded (n = 230)",
            "Reports sought for retrieval (n = 38)", "Reports not retrieved (n = 0)", "Reports assessed for eligibility (n = 38)",
            "Reports excluded: patients reported in another included study (n = 2) insufficient data (n = 3)",
            "Records identified from: citation searching (n = 10)",
            "Reports sought for retrieval (n = 10)", "Reports assessed for eligibility (n = 10)",
            "Reports excluded: patients reported in another included study (n = 1) insufficient data (n = 2)",
            "Studies included in review (n = 40) Reports of included studies (n = 40)",
        ]
        for text in expected { #expect(texts.contains(text), "missing box \(text)") }
        #expect(texts.filter { $0 == "Reports not retrieved (n = 0)" }.count == 2)
    }

    @Test func isAnAccessibleStandaloneSVG() throws {
        let svg = PrismaDiagram.svg(try Self.defaultPrisma())
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"prisma-title prisma-desc\""))
        #expect(svg.contains("<title id=\"prisma-title\">PRISMA 2020 flow diagram</title>"))
        #expect(svg.contains("<desc id=\"prisma-desc\">Databases and registers: 410 records identified from databases"))
        #expect(svg.contains("268 records screened and 230 excluded"))
        #expect(svg.contains("40 studies included in review"))
        #expect(svg.contains("<marker id=\"prisma-arrow\""))
        #expect(!svg.contains("<?xml") && !svg.contains("<!DOCTYPE") && !svg.contains("<style"))
        // Every id is prefixed, so the inlined copy cannot clash with the page.
        let ids = svg.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("prisma-") })
    }

    @Test func dataIsEscaped() {
        let svg = PrismaDiagram.svg(Self.hostile)
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(svg.contains("&amp; &quot;x&quot;"))
        #expect(svg.contains("MEDLINE &lt;b&gt; (n = 700)"))
        #expect(svg.contains("Embase &amp; &#39;co&#39; (n = 500)"))
        #expect(svg.contains("citation searching &lt;i&gt;"))
        #expect(svg.contains("{{title}} left as written (n = 2)"))
        #expect(Self.texts(svg).contains("Reports excluded: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; (n = 2)"))
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>") && !svg.contains("<i>"))
    }

    @Test func longReasonsWrapOnWordsAndGrowTheBox() {
        let svg = PrismaDiagram.svg(Self.hostile)
        let lines = PrismaDiagram.Metrics.item("a reason long enough that it has to be wrapped over several lines of the side box", count: 7)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.text.count <= PrismaDiagram.Metrics.wrapAt })
        #expect(lines.map(\.text).joined(separator: " ") == "a reason long enough that it has to be wrapped over several lines of the side box (n = 7)")
        for line in lines { #expect(svg.contains(">\(line.text)</tspan>")) }
        // The count is never split from its "(n =".
        #expect(PrismaDiagram.Metrics.item(String(repeating: "word ", count: 8) + "end", count: 12345).last?.text.hasSuffix("(n = 12345)") == true)
    }

    static var shortReasons: Prisma {
        var prisma = hostile
        prisma.databases.reportsExcluded = [.init(code: "short", reason: "short", count: 8)]
        return prisma
    }

    @Test func heightGrowsWithTheReasonsList() {
        func height(_ prisma: Prisma) -> Int? {
            let svg = PrismaDiagram.svg(prisma)
            guard let range = svg.range(of: " height=\"") else { return nil }
            return Int(svg[range.upperBound...].prefix { $0 != "\"" })
        }
        var many = Self.shortReasons
        many.databases.reportsExcluded = (1...12).map { .init(code: "r\($0)", reason: "reason \($0)", count: 1) }
        #expect(height(many)! > height(Self.shortReasons)!)
    }

    @Test func parsesAsXML() throws {
        // The parser does reject what a raw `&` would produce.
        #expect(!XMLParser(data: Data("<svg><text>a & b</text></svg>".utf8)).parse())
        for prisma in [try Self.defaultPrisma(), Self.hostile] {
            let svg = PrismaDiagram.svg(prisma)
            let parser = XMLParser(data: Data(svg.utf8))
            #expect(parser.parse(), "\(String(describing: parser.parserError))")
        }
    }

    @Test func isDeterministic() throws {
        let prisma = try Self.defaultPrisma()
        #expect(PrismaDiagram.svg(prisma) == PrismaDiagram.svg(prisma))
        #expect(PrismaDiagram.svg(Self.hostile) == PrismaDiagram.svg(Self.hostile))
    }
}

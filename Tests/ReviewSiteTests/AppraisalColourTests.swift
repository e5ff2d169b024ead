import Foundation
import Testing
@testable import ReviewSite

/// The appraisal's default fills tell answers and judgements apart for
/// colour-blind readers, and every fill, default or declared, carries text
/// at WCAG AA contrast.
@Suite("Appraisal colours")
struct AppraisalColourTests {
    static let defaultFills = [AppraisalColours.best, AppraisalColours.worst, AppraisalColours.notApplicable, AppraisalColours.spare]
        + AppraisalColours.otherAnswers + AppraisalColours.middleJudgements

    @Test func textOnEveryDefaultFillPassesWCAGAA() {
        for fill in Self.defaultFills {
            #expect(StackedBarChart.contrast(StackedBarChart.textFill(fill), fill) >= 4.5, "\(fill)")
        }
        #expect(String(format: "%.2f", StackedBarChart.contrast("#111111", "#f0e442")) == "14.28")
        #expect(StackedBarChart.textFill("#0b5d3b") == "#ffffff" && StackedBarChart.textFill("#d55e00") == "#111111")
    }

    /// A declared fill of mid grey, where neither near-black nor white reaches
    /// 4.5:1, gets black; every colour of a 4096-colour sweep gets legible text.
    @Test func anyDeclaredFillGetsLegibleText() {
        #expect(StackedBarChart.contrast("#111111", "#797979") < 4.5 && StackedBarChart.contrast("#ffffff", "#797979") < 4.5)
        #expect(StackedBarChart.textFill("#797979") == "#000000")
        let digits = Array("0123456789abcdef")
        for r in digits { for g in digits { for b in digits {
            let fill = "#\(r)\(r)\(g)\(g)\(b)\(b)"
            #expect(StackedBarChart.contrast(StackedBarChart.textFill(fill), fill) >= 4.5, "\(fill)")
        } } }
    }

    /// The default review's answers keep the chart's colours, now the table's too.
    @Test func theDefaultReviewsAnswersHaveTheChartsColours() throws {
        let codebook = try Codebook.read(folder: defaultDataPath)
        for list in codebook.appraisal.checklists {
            #expect(AppraisalColours.answers(list) == ["#0b5d3b", "#d55e00", "#f0e442", "#ffffff"])
            #expect(AppraisalColours.judgements(list.judgements) == ["#0b5d3b", "#f0e442", "#d55e00"])
        }
    }

    /// Each pair of default answer fills, and of judgement fills, stays at
    /// least 20 ΔE (CIELAB 1976) apart for protan, deutan and tritan readers
    /// (Machado et al. 2009, full severity); the old red and green cells did not.
    @Test func defaultFillsStayApartForColourBlindReaders() {
        let answers = [AppraisalColours.best, AppraisalColours.notApplicable] + AppraisalColours.otherAnswers
        let judgements = [AppraisalColours.best] + AppraisalColours.middleJudgements.prefix(1) + [AppraisalColours.worst]
        for simulation in ColourVision.allCases {
            for set in [answers, judgements] {
                for (index, a) in set.enumerated() {
                    for b in set[(index + 1)...] {
                        #expect(ColourVision.distance(a, b, simulation) >= 20, "\(a) \(b) \(simulation)")
                    }
                }
            }
        }
        #expect(ColourVision.distance("#2e7d32", "#c62828", .deutan) < 20)
    }
}

/// Colour-vision deficiency simulated in linear RGB, compared in CIELAB.
enum ColourVision: CaseIterable {
    case normal, protan, deutan, tritan

    var matrix: [[Double]] {
        switch self {
        case .normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        case .protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
        case .deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
        case .tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]
        }
    }

    static func distance(_ a: String, _ b: String, _ vision: ColourVision) -> Double {
        let (x, y) = (lab(vision.simulate(a)), lab(vision.simulate(b)))
        return ((x.0 - y.0) * (x.0 - y.0) + (x.1 - y.1) * (x.1 - y.1) + (x.2 - y.2) * (x.2 - y.2)).squareRoot()
    }

    func simulate(_ colour: String) -> [Double] {
        let digits = Array(colour.dropFirst())
        let linear = stride(from: 0, to: 6, by: 2).map { at -> Double in
            let value = Double(Int(String(digits[at...at + 1]), radix: 16)!) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return matrix.map { row in min(1, max(0, zip(row, linear).map(*).reduce(0, +))) }
    }

    static func lab(_ rgb: [Double]) -> (Double, Double, Double) {
        let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
        let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
        let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }
}

import Testing
@testable import ReviewSite

/// Issue 24, M6: an infinite figure value was written as `inf` into
/// figures.json (no JSON) and the pages; now it is the figure's error.
@Suite("Non-finite figure values")
struct NonFiniteFigureTests {
    @Test func anInfiniteValueIsTheFiguresError() {
        let yaml = FigureDefinitionTests.head + "  kind: range\n  from: patients\n  value: 9e999\n"
        #expect(FigureDefinitionTests.errors(yaml) == [
            "templates/figures.yaml:1:7: figure 'x': min is inf (expected a finite number: is a value of the query infinite, or too large to add up?)",
        ])
    }

    @Test func aMeanTooLargeToAddUpIsTheFiguresError() {
        let yaml = FigureDefinitionTests.head + "  kind: mean_range\n  from: patients\n  value: 1.7e308\n"
        #expect(FigureDefinitionTests.errors(yaml) == [
            "templates/figures.yaml:1:7: figure 'x': mean is inf (expected a finite number: is a value of the query infinite, or too large to add up?)",
        ])
    }

    @Test func figuresJSONNeverHoldsAnInfinity() {
        let figure = Figure(id: "x", kind: .range, values: ["min": -.infinity, "max": .nan, "n": 2], rows: [])
        #expect(figure.nonFiniteField == "min")
        let json = FiguresJSON.render([figure])
        #expect(json.contains("\"min\": null") && json.contains("\"max\": null") && !json.contains("inf") && !json.contains("nan"))
    }
}

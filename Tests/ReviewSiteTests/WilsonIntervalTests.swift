import Testing
@testable import ReviewSite

@Suite("Wilson score intervals")
struct WilsonIntervalTests {
    /// (numerator, denominator, low, high): Tests/Reference/wilson.py, at
    /// 50 digits with mpmath, rounded half up to one decimal.
    static let reference: [(Int, Int, Double, Double)] = [
        (15, 21, 50.0, 86.2),
        (39, 48, 68.1, 89.8),
        (0, 10, 0.0, 27.8),
        (10, 10, 72.2, 100.0),
        (1, 1, 20.7, 100.0),
        (0, 1, 0.0, 79.3),
        (1, 2, 9.5, 90.5),
        (5, 11, 21.3, 72.0),
        (12, 18, 43.7, 83.7),
        (2, 136, 0.4, 5.2),
        (68, 136, 41.7, 58.3),
        (135, 136, 96.0, 99.9),
        (1, 3, 6.1, 79.2),
        (2, 3, 20.8, 93.9),
        (250, 1000, 22.4, 27.8),
        (1, 1000000, 0.0, 0.0),
        (999999, 1000000, 100.0, 100.0),
        (7, 9, 45.3, 93.7),
        (3, 53, 1.9, 15.4),
        (50, 100, 40.4, 59.6),
        (1, 11, 1.6, 37.7),
        (2, 9, 6.3, 54.7),
        (2, 18, 3.1, 32.8),
        (3, 3, 43.9, 100.0),
        (3, 10, 10.8, 60.3),
        (3, 136, 0.8, 6.3),
        (4, 9, 18.9, 73.3),
        (4, 10, 16.8, 68.7),
        (5, 53, 4.1, 20.3),
        (6, 11, 28.0, 78.7),
        (6, 53, 5.3, 22.6),
        (7, 11, 35.4, 84.8),
        (10, 18, 33.7, 75.4),
        (12, 21, 36.5, 75.5),
        (13, 15, 62.1, 96.3),
        (19, 53, 24.3, 49.3),
        (39, 53, 60.4, 83.6),
    ]

    @Test func agreesWithTheReferenceImplementation() {
        for (numerator, denominator, low, high) in Self.reference {
            let interval = WilsonInterval.percent(numerator, denominator)
            #expect(interval?.low == low, "\(numerator)/\(denominator)")
            #expect(interval?.high == high, "\(numerator)/\(denominator)")
        }
    }

    @Test func noDenominatorHasNoInterval() {
        #expect(WilsonInterval.percent(0, 0) == nil)
        #expect(WilsonInterval.percent(3, 2) == nil)
    }

    @Test func theBoundsOfNoneAndAllAreExact() {
        #expect(WilsonInterval.percent(0, 7)?.low.sign == .plus)
        #expect(WilsonInterval.percent(0, 7)?.low == 0)
        #expect(WilsonInterval.percent(7, 7)?.high == 100)
    }
}

import Testing
@testable import ReviewSite

@Suite("Work on a second thread")
struct BackgroundTests {
    @Test func aResultMayBeAskedTwiceAndTakenOnce() {
        let work = Background { (1...1000).reduce(0, +) }
        #expect(work.result() == 500_500)
        #expect(work.result() == 500_500)
        #expect(work.take() == 500_500)
    }
}

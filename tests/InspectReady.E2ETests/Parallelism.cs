// Each browser test class starts its own server and Chromium; on a 2-core machine running them side by side made
// page loads exceed their timeouts. They run one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

// Renders Apache ECharts into an element through Blazor JS interop. ECharts is served by the product
// (lib/echarts/echarts.min.js) and loaded on first use; nothing comes from another host.
let loading;

function load() {
    if (window.echarts) {
        return Promise.resolve(window.echarts);
    }
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL('../lib/echarts/echarts.min.js', import.meta.url).href;
        script.onload = () => resolve(window.echarts);
        script.onerror = () => { loading = undefined; reject(new Error('echarts.min.js 加载失败')); };
        document.head.appendChild(script);
    });
    return loading;
}

const observers = new WeakMap();

// option: an ECharts option object; target: a .NET object whose OnChartClick(seriesIndex, dataIndex) is called on click, or null.
// element is null or detached when the page was left before this call arrived: nothing to draw then.
export async function render(element, option, target) {
    if (!element?.isConnected) {
        return;
    }
    const echarts = await load();
    if (!element.isConnected) {
        return;
    }
    let chart = echarts.getInstanceByDom(element);
    if (!chart) {
        chart = echarts.init(element, null, { renderer: 'canvas', locale: 'ZH' });
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(element);
        observers.set(element, observer);
    }
    chart.off('click');
    if (target) {
        chart.on('click', p => target.invokeMethodAsync('OnChartClick', p.seriesIndex ?? 0, p.dataIndex ?? 0));
    }
    chart.setOption(option, true);
    element.dataset.rendered = 'true';
}

export function dispose(element) {
    if (!element) {
        return;
    }
    observers.get(element)?.disconnect();
    observers.delete(element);
    window.echarts?.getInstanceByDom(element)?.dispose();
}

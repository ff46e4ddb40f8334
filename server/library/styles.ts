/** The library's one stylesheet: the export's reading styles plus the list and page frame. */
import { EXPORT_STYLESHEET } from '../exports/htmlStyles';

/** Served at `/library/library.css` (a file, not inline, so the CSP needs no exception). */
export const LIBRARY_STYLESHEET = `${EXPORT_STYLESHEET}
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
.library-header { display: flex; justify-content: space-between; align-items: center;
  padding: 0.75rem 1.25rem; border-bottom: 1px solid #c4c7c5; }
.library-header nav a { margin-left: 1rem; }
.library-brand { font-weight: 700; color: #1a1a1a; text-decoration: none; }
main { max-width: 70rem; margin: 1.5rem auto; padding: 0 1.25rem; }
.library-search { display: flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; margin-bottom: 1.5rem; }
.library-search input { flex: 1; min-width: 12rem; padding: 0.4rem; font: inherit; }
.library-columns { display: grid; grid-template-columns: 16rem 1fr; gap: 2rem; }
.facets h2 { font-size: 1rem; margin: 1rem 0 0.25rem; }
.facets ul, .results, .downloads { list-style: none; padding: 0; }
.facets a[aria-current="true"] { font-weight: 700; }
.count, .meta { color: #444; }
.results li { margin-bottom: 1rem; }
.results h3 { margin: 0; }
.metadata { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.metadata dt { font-weight: 600; }
.outline .level-3 { margin-left: 1rem; }
.cite { max-width: 46rem; margin: 2rem auto; border-top: 1px solid #c4c7c5; }
.downloads li { display: inline; margin-right: 1rem; }
.library-compare { margin-top: 2rem; border-top: 1px solid #c4c7c5; }
.library-compare fieldset { border: 0; padding: 0; margin: 0 0 0.75rem; }
.library-compare ul { list-style: none; padding: 0; }
.library-compare input[name="section"] { padding: 0.4rem; font: inherit; margin: 0 0.5rem; }
.comparison { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; }
.comparison-column { border: 1px solid #c4c7c5; border-radius: 4px; padding: 0 1rem; }
@media (max-width: 40rem) { .library-columns { grid-template-columns: 1fr; } }
@media print { .library-header, .library-search, .library-compare, .facets, .downloads { display: none; } }
`;

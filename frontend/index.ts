/**
 * The page's entry point: Vaadin's generated one, plus static imports of the Flow client. Flow would otherwise
 * fetch its bootstrap, the app's components and its client one after another after the page has loaded; on a slow
 * phone every one of those round trips delays the moment Accept works.
 */
import { Router } from '@vaadin/router';
import { Flow } from 'Frontend/generated/jar-resources/Flow.js';
import 'Frontend/generated/jar-resources/FlowBootstrap.js';
import 'Frontend/generated/jar-resources/FlowClient.js';
import 'Frontend/generated/flow/generated-flow-imports.js';

const { serverSideRoutes } = new Flow({
  imports: () => import('Frontend/generated/flow/generated-flow-imports.js'),
});

const router = new Router(document.querySelector('#outlet'));
router.setRoutes([...serverSideRoutes]);

// Loaded by /api/docs; kept in a file so the page needs no inline script under the CSP.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
});

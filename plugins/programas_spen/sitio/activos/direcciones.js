/* Direcciones que cambiaron (sitio/permanencia.py): lee el JSON de #direcciones-datos.
 *
 * - En una página que sigue publicada y tiene anclas de antes: si el ancla de la dirección es
 *   una de ellas, lleva a la nueva (en esta página o en otra) y, en esta página, muestra un
 *   aviso visible en el recuadro .aviso-direccion; si el ancla se retiró, lo dice y el motivo.
 * - En una página de redirección («destino»): lleva en el acto a la página nueva conservando
 *   el ancla (o a la nueva de esa ancla); sin JavaScript lo hace el meta refresh, sin el ancla.
 *
 * Sin JavaScript, la página se abre arriba, como cualquier otra. No pide nada a ningún servidor. */
(function () {
  "use strict";
  var nodo = document.getElementById("direcciones-datos");
  if (!nodo) { return; }
  var datos;
  try { datos = JSON.parse(nodo.textContent); } catch (e) { return; }
  var anclas = datos.anclas || {};
  var ancla = "";
  try { ancla = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { ancla = window.location.hash.slice(1); }
  var entrada = ancla && Object.prototype.hasOwnProperty.call(anclas, ancla) ? anclas[ancla] : null;

  if (typeof datos.destino === "string") {
    var destino = datos.destino;
    if (entrada && entrada.a) { destino = entrada.a; }
    else if (ancla && destino.indexOf("#") < 0) { destino += "#" + encodeURIComponent(ancla); }
    window.location.replace(destino);
    return;
  }
  if (!entrada) { return; }
  if (entrada.a && entrada.a.charAt(0) !== "#") {
    window.location.replace(entrada.a);
    return;
  }

  function avisar() {
    var aviso = document.querySelector(".aviso-direccion");
    if (!aviso) { return; }
    var texto = document.createElement("p");
    var nueva = entrada.a ? entrada.a.slice(1) : "";
    if (nueva) {
      texto.appendChild(document.createTextNode("El enlace que siguió lleva a «#" + ancla +
        "», que ahora es «#" + nueva + "». Motivo: " + entrada.motivo + " Actualice el enlace: "));
      var enlace = document.createElement("a");
      enlace.href = "#" + nueva;
      enlace.textContent = "#" + nueva;
      texto.appendChild(enlace);
    } else {
      texto.appendChild(document.createTextNode("El enlace que siguió lleva a «#" + ancla +
        "», que se retiró de esta página. Motivo: " + entrada.motivo));
    }
    var cerrar = document.createElement("button");
    cerrar.type = "button";
    cerrar.textContent = "Cerrar este aviso";
    cerrar.addEventListener("click", function () { aviso.hidden = true; });
    aviso.appendChild(texto);
    aviso.appendChild(cerrar);
    // fijo abajo de la ventana: se ve también después de ir al ancla nueva (en 320 px, a lo ancho)
    aviso.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:10;margin:0;padding:.5rem 1rem;" +
      "background:#fff8e1;color:#1a1a1a;border-top:2px solid #8a5300;font-size:.8rem";
    aviso.hidden = false;
    if (nueva) {
      window.history.replaceState(null, "", "#" + encodeURIComponent(nueva));
      var objetivo = document.getElementById(nueva);
      if (objetivo) { objetivo.scrollIntoView(); }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", avisar);
  } else {
    avisar();
  }
})();
